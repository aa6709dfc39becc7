// purpose: A page of what the given departments support across all plans, in plan order. Each row is the JSON the API sends (graph/page_item.py).
// params: ids (list of department ids), offset (int), limit (int)
// returns: item
// index: Neo4j seeks the departments through the department_id uniqueness constraint (d.id IN $ids),
// index: then reads their SUPPORTS edges. Each edge carries its row of the page (page_item) and its
// index: place in the order (order_key: plan issued, plan id, unit order, department id), so no unit or plan
// index: is read. The total beside the page is not counted here: counting in the same query doubled the
// index: embedded engine's time (0.81 against 0.38 ms a page); it comes from the server's dictionary (queries/lookups.py,
// index: department_order_keys), or from department_supports_total.
MATCH (d:Department)-[r:SUPPORTS]->()
WHERE d.id IN $ids
RETURN r.page_item AS item
ORDER BY r.order_key
SKIP $offset LIMIT $limit
