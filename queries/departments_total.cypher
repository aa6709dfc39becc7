// purpose: How many departments match q and jurisdiction (the total beside a page of /departments).
// params: q (text, '' = all), jurisdiction (text, '' = all)
// returns: total
// index: none: a scan of the Department label, as departments.
WITH $q AS q, $jurisdiction AS j
MATCH (d:Department)
WHERE (q = '' OR d.name CONTAINS q OR any(a IN d.aliases WHERE a CONTAINS q))
  AND (j = '' OR d.jurisdiction = j)
RETURN count(d) AS total
