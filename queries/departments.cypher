// purpose: Departments whose name or any alias contains q, optionally in one jurisdiction ('' = all).
// params: q (text, '' = all), jurisdiction (text, '' = all), offset (int), limit (int)
// returns: id, name, jurisdiction, aliases, kind
// index: none: a scan of the Department label (substring match on names and aliases; a few hundred nodes).
WITH $q AS q, $jurisdiction AS j
MATCH (d:Department)
WHERE (q = '' OR d.name CONTAINS q OR any(a IN d.aliases WHERE a CONTAINS q))
  AND (j = '' OR d.jurisdiction = j)
RETURN d.id AS id, d.name AS name, d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind
ORDER BY d.jurisdiction, d.name
SKIP $offset LIMIT $limit
