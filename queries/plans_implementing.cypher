// purpose: Plans that say they implement a national document, by its number (e.g. 国发〔2015〕40号).
// params: doc_number (text)
// returns: id, title, issuer, jurisdiction, issued, national_title, quote
// index: none: a scan of the Plan label for the cited number (few nodes), then its IMPLEMENTS edges.
MATCH (p:Plan)-[r:IMPLEMENTS]->(n:Plan)
WHERE n.doc_number = $doc_number
RETURN p.id AS id, p.title AS title, p.issuer AS issuer, p.jurisdiction AS jurisdiction, p.issued AS issued,
       n.title AS national_title, r.quote AS quote
ORDER BY p.issued, p.id
