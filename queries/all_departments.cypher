// purpose: Every department with its aliases (for the search index and the question dictionary).
// params: none
// returns: id, name, jurisdiction, aliases, kind
// index: none: every department (a label scan), read once to build the search index and dictionaries.
MATCH (d:Department)
RETURN d.id AS id, d.name AS name, d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind
ORDER BY d.jurisdiction, d.name
