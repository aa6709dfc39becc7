// purpose: Every correction of the given plans, in the order they were made (the order they are applied in).
// params: plans (list of plan ids)
// returns: id, plan_id, kind, unit_path, quote, body, by, at, why, stale, stale_reason
MATCH (c:Correction)
WHERE c.plan_id IN $plans
RETURN c.id AS id, c.plan_id AS plan_id, c.kind AS kind, c.unit_path AS unit_path, c.quote AS quote,
       c.body AS body, c.by AS by, c.at AS at, c.why AS why, c.stale AS stale, c.stale_reason AS stale_reason
ORDER BY c.at, c.id
