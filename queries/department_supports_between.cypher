// purpose: What the given departments upports whose sort keys lie between two keys: a page whose first and last
// purpose: keys the server's dictionary knows (queries/lookups.py), each row as the JSON the API sends
// purpose: (graph/page_item.py). One column rather than thirteen: the engine reads every column it returns for
// purpose: all of a department's edges before it keeps the key range (1,000 plans: 0.55 -> 0.39 ms a page).
// purpose: Unordered: the caller sorts the page's rows by order_key. The engine's sort set up buffers for every
// purpose: read, however few the rows (a page of the bundled corpus 0.54 ms sorted, 0.33 ms not).
// params: ids (list of department ids), first (text), last (text)
// returns: item, order_key
// index: Neo4j seeks the departments through the department_id uniqueness constraint, then reads their SUPPORTS
// index: edges; only the page's edges pass the filter on order_key, so only they are returned.
MATCH (d:Department)-[r:SUPPORTS]->()
WHERE d.id IN $ids AND r.order_key >= $first AND r.order_key <= $last
RETURN r.page_item AS item, r.order_key AS order_key
