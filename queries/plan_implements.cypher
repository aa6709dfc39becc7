// purpose: The national documents a plan says it implements (《…》（国发〔2015〕40号）).
// params: plan (plan id)
// returns: id, title, doc_number, quote
MATCH (p:Plan)-[r:IMPLEMENTS]->(n:Plan)
WHERE p.id = $plan
RETURN n.id AS id, n.title AS title, n.doc_number AS doc_number, r.quote AS quote
ORDER BY r.span_start
