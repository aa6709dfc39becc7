// purpose: How many corrections match the /corrections filters (the total beside a page).
// params: plan (plan id, '' = all), stale ('true', 'false' or '' = both)
// returns: total
WITH $plan AS plan, $stale AS stale
MATCH (c:Correction)
WHERE (plan = '' OR c.plan_id = plan)
  AND (stale = '' OR (stale = 'true' AND c.stale = true) OR (stale = 'false' AND c.stale = false))
RETURN count(c) AS total
