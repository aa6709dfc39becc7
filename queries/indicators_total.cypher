// purpose: How many targets of every plan match the /indicators filters (the total beside a page).
// params: year (int), q (text)
// returns: total
// index: none: a scan of the Indicator label, as indicators.
MATCH (i:Indicator)
WHERE ($year = 0 OR i.target_year = $year)
  AND ($q = '' OR i.name CONTAINS $q OR i.quote CONTAINS $q)
RETURN count(i) AS total
