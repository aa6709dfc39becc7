// purpose: The corrections people made to one plan, stale ones too (for the RDF export).
// params: plan (plan id)
// returns: id, kind, unit_path, quote, body, by, at, why, stale, stale_reason
MATCH (c:Correction)
WHERE c.plan_id = $plan
RETURN c.id AS id, c.kind AS kind, c.unit_path AS unit_path, c.quote AS quote, c.body AS body, c.by AS by,
       c.at AS at, c.why AS why, c.stale AS stale, c.stale_reason AS stale_reason
ORDER BY c.at, c.id
