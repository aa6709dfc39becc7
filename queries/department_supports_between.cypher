// purpose: What the given departments upports whose sort keys lie between two keys: a page whose first and last
// purpose: keys the server's dictionary knows (queries/lookups.py). Unordered: the caller sorts the page's rows
// purpose: by order_key. The engine's sort set up buffers for every read, however few the rows (a page of the
// purpose: bundled corpus 0.54 ms sorted, 0.33 ms not; 1,000 plans 0.87 and 0.55 ms).
// params: ids (list of department ids), first (text), last (text)
// returns: id, type, title, plan_id, plan_title, basis, quote, locator, deadline, department_id,
// returns: correction_id, corrected_by, corrected_at, order_key
// index: Neo4j seeks the departments through the department_id uniqueness constraint, then reads their SUPPORTS
// index: edges; only the page's edges pass the filter on order_key, so only they are returned.
MATCH (d:Department)-[r:SUPPORTS]->()
WHERE d.id IN $ids AND r.order_key >= $first AND r.order_key <= $last
RETURN r.unit_id AS id, r.unit_type AS type, r.unit_title AS title, r.plan_id AS plan_id, r.plan_title AS plan_title,
       r.basis AS basis, r.quote AS quote, r.locator AS locator, r.deadline AS deadline, d.id AS department_id,
       r.correction_id AS correction_id, r.corrected_by AS corrected_by, r.corrected_at AS corrected_at,
       r.order_key AS order_key
