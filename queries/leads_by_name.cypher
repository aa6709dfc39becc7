// purpose: Everything a department leads, by any of its names, across all plans, with the quote (for the Browser and the CLI).
// params: name (a name or alias as written), jurisdiction (text, '' = all)
// returns: department, jurisdiction, unit, type, plan, basis, quote
// index: none for the name (a scan of the departments, few); then the LEADS edges of those found. The plan's
// index: title and date are carried on the unit.
WITH $name AS name, $jurisdiction AS j
MATCH (d:Department)-[r:LEADS]->(u:Action|Project)
WHERE (d.name = name OR name IN d.aliases) AND (j = '' OR d.jurisdiction = j)
RETURN d.name AS department, d.jurisdiction AS jurisdiction, u.title AS unit, u.type AS type, u.plan_title AS plan,
       r.basis AS basis, r.quote AS quote
ORDER BY u.plan_issued, u.ord
