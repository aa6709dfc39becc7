// purpose: Everything the given departments lead (role 'leads') or support (role 'supports'), across all plans (for /ask).
// params: ids (list of department ids), role ('leads' or 'supports'), offset (int), limit (int)
// returns: id, type, title, plan_id, plan_title, basis, quote, locator, deadline, department_id
// index: Neo4j seeks the departments through the department_id uniqueness constraint, then expands both edge
// index: types and keeps the role asked; /departments/{name}/leads and /supports use department_leads and
// index: department_supports, which expand one type. The plan's title and date are carried on the unit.
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(u:Action|Project)
WHERE d.id IN $ids AND r.role = $role
RETURN u.id AS id, u.type AS type, u.title AS title, u.plan_id AS plan_id, u.plan_title AS plan_title,
       r.basis AS basis, r.quote AS quote, r.locator AS locator, r.deadline AS deadline, d.id AS department_id
ORDER BY u.plan_issued, u.plan_id, u.ord, d.id
SKIP $offset LIMIT $limit
