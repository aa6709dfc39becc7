// purpose: How many of one plan's targets match the /indicators filters (the total beside a page).
// params: plan (plan id), year (int), q (text)
// returns: total
// index: Neo4j seeks the plan through the plan_id uniqueness constraint, then counts along its OWNS edges.
MATCH (p:Plan)-[:OWNS]->(i:Indicator)
WHERE p.id = $plan AND ($year = 0 OR i.target_year = $year) AND ($q = '' OR i.name CONTAINS $q OR i.quote CONTAINS $q)
RETURN count(i) AS total
