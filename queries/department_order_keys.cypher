// purpose: Every lead and support edge's sort key, by department and role: the order and totals of its pages.
// params: none
// returns: id, role, order_key
// index: none: every LEADS and SUPPORTS edge, read once after each write into the server's dictionary of
// index: departments (queries/lookups.py). The engine has no index on a relationship's property, so a page
// index: sorted every edge of its department (a department of 1,500 units: 2.6 ms); with the keys in order in
// index: memory, a page is read as the range between its first and last key (department_leads_between: 1 ms).
MATCH (d:Department)-[r:LEADS]->()
RETURN d.id AS id, 'leads' AS role, r.order_key AS order_key
UNION ALL
MATCH (d:Department)-[r:SUPPORTS]->()
RETURN d.id AS id, 'supports' AS role, r.order_key AS order_key
