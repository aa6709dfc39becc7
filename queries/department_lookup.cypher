// purpose: Resolve a department by id, canonical name or any alias; one row per jurisdiction it matches.
// params: name (id, name or alias), jurisdiction (text, '' = all)
// returns: id, name, jurisdiction, aliases, kind
// index: none (a name or an alias is no key): a scan of the Department label, which holds a few hundred nodes
// index: even for thousands of plans. A server over the embedded store answers from a dictionary of every name
// index: instead (queries/lookups.py), rebuilt after each write; this query is that dictionary's reference.
MATCH (d:Department)
WHERE (d.id = $name OR d.name = $name OR $name IN d.aliases)
  AND ($jurisdiction = '' OR d.jurisdiction = $jurisdiction)
RETURN d.id AS id, d.name AS name, d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind
ORDER BY d.jurisdiction, d.name
