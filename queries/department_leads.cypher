// purpose: A page of what the given departments lead across all plans, in plan order, with how many there are in all.
// params: ids (list of department ids), offset (int), limit (int)
// returns: id, type, title, plan_id, plan_title, basis, quote, locator, deadline, department_id, total,
// returns: correction_id, corrected_by, corrected_at
// index: Neo4j seeks the departments through the department_id uniqueness constraint (d.id IN $ids),
// index: then reads their LEADS edges twice (the count, then the page). Each edge carries what the page
// index: shows of its unit and plan and its place in the order (order_key: plan issued, plan id, unit
// index: order, department id), so no unit or plan is read. A page past the end has no row to carry
// index: the total: department_leads_total counts it then.
MATCH (c:Department)-[e:LEADS]->()
WHERE c.id IN $ids
WITH count(e) AS total
MATCH (d:Department)-[r:LEADS]->()
WHERE d.id IN $ids
RETURN r.unit_id AS id, r.unit_type AS type, r.unit_title AS title, r.plan_id AS plan_id, r.plan_title AS plan_title,
       r.basis AS basis, r.quote AS quote, r.locator AS locator, r.deadline AS deadline, d.id AS department_id, total,
       r.correction_id AS correction_id, r.corrected_by AS corrected_by, r.corrected_at AS corrected_at
ORDER BY r.order_key
SKIP $offset LIMIT $limit
