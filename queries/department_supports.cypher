// purpose: A page of what the given departments support across all plans, in plan order, with how many there are in all.
// params: ids (list of department ids), offset (int), limit (int)
// returns: id, type, title, plan_id, plan_title, basis, quote, locator, deadline, department_id, total
// index: Neo4j seeks the departments through the department_id uniqueness constraint (d.id IN $ids),
// index: then expands their SUPPORTS edges twice (the count, then the page). The plan's title and date
// index: are carried on the unit, so no Plan is read. A page past the end has no row to carry the
// index: total: department_supports_total counts it then.
MATCH (c:Department)-[e:SUPPORTS]->()
WHERE c.id IN $ids
WITH count(e) AS total
MATCH (d:Department)-[r:SUPPORTS]->(u:Action|Project)
WHERE d.id IN $ids
RETURN u.id AS id, u.type AS type, u.title AS title, u.plan_id AS plan_id, u.plan_title AS plan_title,
       r.basis AS basis, r.quote AS quote, r.locator AS locator, r.deadline AS deadline, d.id AS department_id, total
ORDER BY u.plan_issued, u.plan_id, u.ord, d.id
SKIP $offset LIMIT $limit
