// purpose: A page of what the given departments support across all plans, in plan order.
// params: ids (list of department ids), offset (int), limit (int)
// returns: id, type, title, plan_id, plan_title, basis, quote, locator, deadline, department_id,
// returns: correction_id, corrected_by, corrected_at
// index: Neo4j seeks the departments through the department_id uniqueness constraint (d.id IN $ids),
// index: then reads their SUPPORTS edges. Each edge carries what the page shows of its unit and plan and its
// index: place in the order (order_key: plan issued, plan id, unit order, department id), so no unit or plan
// index: is read. The total beside the page is not counted here: counting in the same query doubled the
// index: embedded engine's time (0.81 against 0.38 ms a page); it comes from the server's dictionary (queries/lookups.py,
// index: department_order_keys), or from department_supports_total.
MATCH (d:Department)-[r:SUPPORTS]->()
WHERE d.id IN $ids
RETURN r.unit_id AS id, r.unit_type AS type, r.unit_title AS title, r.plan_id AS plan_id, r.plan_title AS plan_title,
       r.basis AS basis, r.quote AS quote, r.locator AS locator, r.deadline AS deadline, d.id AS department_id,
       r.correction_id AS correction_id, r.corrected_by AS corrected_by, r.corrected_at AS corrected_at
ORDER BY r.order_key
SKIP $offset LIMIT $limit
