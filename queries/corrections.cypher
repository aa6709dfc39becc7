// purpose: People's corrections, newest first, optionally of one plan and only stale or only current ones.
// params: plan (plan id, '' = all), stale ('true', 'false' or '' = both), offset (int), limit (int)
// returns: id, plan_id, kind, unit_path, quote, body, by, at, why, stale, stale_reason
WITH $plan AS plan, $stale AS stale
MATCH (c:Correction)
WHERE (plan = '' OR c.plan_id = plan)
  AND (stale = '' OR (stale = 'true' AND c.stale = true) OR (stale = 'false' AND c.stale = false))
RETURN c.id AS id, c.plan_id AS plan_id, c.kind AS kind, c.unit_path AS unit_path, c.quote AS quote,
       c.body AS body, c.by AS by, c.at AS at, c.why AS why, c.stale AS stale, c.stale_reason AS stale_reason
ORDER BY c.at DESC, c.id
SKIP $offset LIMIT $limit
