// purpose: Resolve a department by id, canonical name or any alias; one row per jurisdiction it matches.
// params: name (id, name or alias), jurisdiction (text, '' = all)
// returns: id, name, jurisdiction, aliases, kind
WITH $name AS name, $jurisdiction AS j
MATCH (d:Department)
WHERE (d.id = name OR d.name = name OR name IN d.aliases)
  AND (j = '' OR d.jurisdiction = j)
RETURN d.id AS id, d.name AS name, d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind
ORDER BY d.jurisdiction, d.name
