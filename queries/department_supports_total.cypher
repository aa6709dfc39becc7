// purpose: How many units the given departments support (the total beside a page that is past the end).
// params: ids (list of department ids)
// returns: total
// index: Neo4j seeks the departments through the department_id uniqueness constraint, then counts their SUPPORTS edges.
MATCH (d:Department)-[r:SUPPORTS]->()
WHERE d.id IN $ids
RETURN count(r) AS total
