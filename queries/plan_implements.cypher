// purpose: The national documents a plan says it implements (《…》（国发〔2015〕40号）).
// params: plan (plan id)
// returns: id, title, doc_number, quote, source, span_start, span_end
// index: the plan_id uniqueness constraint (p.id = $plan), then its IMPLEMENTS edges.
MATCH (p:Plan)-[r:IMPLEMENTS]->(n:Plan)
WHERE p.id = $plan
RETURN n.id AS id, n.title AS title, n.doc_number AS doc_number, r.quote AS quote,
       r.source AS source, r.span_start AS span_start, r.span_end AS span_end
ORDER BY r.span_start
