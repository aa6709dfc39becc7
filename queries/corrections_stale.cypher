// purpose: Store whether each correction still applies to its plan as last read (writes).
// params: rows (list of {id, stale (bool), stale_reason (text or null)})
// returns: id of each correction updated
UNWIND $rows AS r
MATCH (c:Correction)
WHERE c.id = r.id
SET c.stale = r.stale, c.stale_reason = r.stale_reason
RETURN c.id AS id
