// purpose: Neo4j Browser only: a department's neighbourhood to look at (units it leads or supports, their plans).
// params: name (a department's name or alias)
// returns: paths
MATCH (d:Department)
WHERE d.name = $name OR $name IN d.aliases
MATCH path = (d)-[:LEADS|SUPPORTS]->(u)<-[:CONTAINS*1..2]-(p:Plan)
RETURN path
LIMIT 100
