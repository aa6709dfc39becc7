// purpose: A plan's actions and projects (annex tasks included) in document order.
// params: plan (plan id)
// returns: id, type, title, path, parent_id, deadline, annex, quote, locator, ord, source, span_start, span_end
// index: the plan_id uniqueness constraint (p.id = $plan), then the plan's OWNS edges.
MATCH (p:Plan)-[:OWNS]->(u:Action|Project)
WHERE p.id = $plan
RETURN u.id AS id, u.type AS type, u.title AS title, u.path AS path, u.parent_id AS parent_id,
       u.deadline AS deadline, u.annex AS annex, u.quote AS quote, u.locator AS locator,
       u.ord AS ord, u.source AS source, u.span_start AS span_start, u.span_end AS span_end
ORDER BY u.ord
