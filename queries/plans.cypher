// purpose: The loaded plans (not the national documents they cite), oldest first.
// params: offset (int), limit (int)
// returns: id, title, issuer, jurisdiction, issued, doc_number, source
// index: none: a scan of the Plan label (loaded plans, national = false), sorted.
MATCH (p:Plan)
WHERE p.national = false
RETURN p.id AS id, p.title AS title, p.issuer AS issuer, p.jurisdiction AS jurisdiction,
       p.issued AS issued, p.doc_number AS doc_number, p.source AS source
ORDER BY p.issued, p.id
SKIP $offset LIMIT $limit
