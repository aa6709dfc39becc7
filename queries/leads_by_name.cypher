// purpose: Everything a department leads, by any of its names, across all plans, with the quote (for the Browser and the CLI).
// params: name (a name or alias as written), jurisdiction (text, '' = all)
// returns: department, jurisdiction, unit, type, plan, basis, quote
WITH $name AS name, $jurisdiction AS j
MATCH (d:Department)-[r:LEADS]->(u:Action|Project), (p:Plan)
WHERE (d.name = name OR name IN d.aliases) AND (j = '' OR d.jurisdiction = j) AND p.id = u.plan_id
RETURN d.name AS department, d.jurisdiction AS jurisdiction, u.title AS unit, u.type AS type, p.title AS plan,
       r.basis AS basis, r.quote AS quote
ORDER BY p.issued, u.ord
