// purpose: Remove one correction (writes); the caller rewrites its plan without it.
// params: id (correction id)
// returns: nothing
MATCH (c:Correction)
WHERE c.id = $id
DELETE c
