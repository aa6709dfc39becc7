// purpose: How many plans, units, departments, indicators and edges the graph holds (for /health and stats).
// params: none
// returns: kind, n
// index: none: Neo4j answers count(n) per label and count(r) per type from its count store.
MATCH (n:Plan) WHERE n.national = false RETURN 'plan' AS kind, count(n) AS n
UNION ALL MATCH (n:Action) RETURN 'action' AS kind, count(n) AS n
UNION ALL MATCH (n:Project) RETURN 'project' AS kind, count(n) AS n
UNION ALL MATCH (n:Department) RETURN 'department' AS kind, count(n) AS n
UNION ALL MATCH (n:Indicator) RETURN 'indicator' AS kind, count(n) AS n
UNION ALL MATCH ()-[r:LEADS]->() RETURN 'leads' AS kind, count(r) AS n
UNION ALL MATCH ()-[r:SUPPORTS]->() RETURN 'supports' AS kind, count(r) AS n
UNION ALL MATCH ()-[r:TARGETS]->() RETURN 'targets' AS kind, count(r) AS n
