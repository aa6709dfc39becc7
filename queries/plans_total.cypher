// purpose: How many plans are loaded (the total beside a page of /plans).
// params: none
// returns: total
// index: none: a scan of the Plan label, as plans.
MATCH (p:Plan)
WHERE p.national = false
RETURN count(p) AS total
