// purpose: Departments that share units with the given departments (leading or supporting), most shared first.
// params: ids (list of department ids), limit (int)
// returns: id, name, jurisdiction, aliases, kind, shared
// index: the department_id uniqueness constraint (d.id IN $ids), then two hops out and back.
MATCH (d:Department)-[:LEADS|SUPPORTS]->(u:Action|Project)<-[:LEADS|SUPPORTS]-(o:Department)
WHERE d.id IN $ids AND NOT o.id IN $ids
RETURN o.id AS id, o.name AS name, o.jurisdiction AS jurisdiction, o.aliases AS aliases, o.kind AS kind,
       count(DISTINCT u) AS shared
ORDER BY shared DESC, name
LIMIT $limit
