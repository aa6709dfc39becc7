// purpose: One loaded plan's metadata by id.
// params: id (plan id)
// returns: id, title, title_derived, issuer, jurisdiction, issued, doc_number, source, quote, span_start, span_end
// index: the plan_id uniqueness constraint (p.id = $id).
MATCH (p:Plan)
WHERE p.id = $id AND p.national = false
RETURN p.id AS id, p.title AS title, p.title_derived AS title_derived, p.issuer AS issuer,
       p.jurisdiction AS jurisdiction, p.issued AS issued, p.doc_number AS doc_number, p.source AS source,
       p.quote AS quote, p.span_start AS span_start, p.span_end AS span_end
