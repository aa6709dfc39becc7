// purpose: How many units the given departments lead or support (the total beside a page of items).
// params: ids (list of department ids), role ('leads' or 'supports')
// returns: total
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(u:Action|Project)
WHERE d.id IN $ids AND r.role = $role
RETURN count(r) AS total
