// purpose: Everything the given departments lead (role 'leads') or support (role 'supports'), across all plans.
// params: ids (list of department ids), role ('leads' or 'supports'), offset (int), limit (int)
// returns: id, type, title, plan_id, plan_title, basis, quote, locator, deadline, department_id
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(u:Action|Project), (p:Plan)
WHERE d.id IN $ids AND r.role = $role AND p.id = u.plan_id
RETURN u.id AS id, u.type AS type, u.title AS title, p.id AS plan_id, p.title AS plan_title,
       r.basis AS basis, r.quote AS quote, r.locator AS locator, r.deadline AS deadline, d.id AS department_id
ORDER BY p.issued, p.id, u.ord, d.id
SKIP $offset LIMIT $limit
