// purpose: How many targets match the /indicators filters (the total beside a page).
// params: plan (text), year (int), q (text)
// returns: total
// index: none: a scan of the Indicator label (every filter is optional), as indicators.
WITH $plan AS plan, $year AS year, $q AS q
MATCH (i:Indicator)
WHERE (plan = '' OR i.plan_id = plan) AND (year = 0 OR i.target_year = year)
  AND (q = '' OR i.name CONTAINS q OR i.quote CONTAINS q)
RETURN count(i) AS total
