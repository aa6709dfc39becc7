// purpose: The national documents that loaded plans cite (for recognising them in questions).
// params: none
// returns: id, title, doc_number
// index: none: a scan of the Plan label (national = true), read once for the question dictionary.
MATCH (n:Plan)
WHERE n.national = true
RETURN n.id AS id, n.title AS title, n.doc_number AS doc_number
ORDER BY n.doc_number
