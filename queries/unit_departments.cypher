// purpose: Who leads (role 'leads') or supports (role 'supports') the given units, with the quote it rests on.
// params: ids (list of unit ids), role ('leads' or 'supports')
// returns: id, name, jurisdiction, aliases, kind, unit_id, unit_title, plan_id, plan_title, basis, quote
// index: Neo4j seeks the units through the action_id and project_id uniqueness constraints (u.id IN $ids), then
// index: expands their incoming edges; the plan's title and date are carried on the unit.
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(u:Action|Project)
WHERE u.id IN $ids AND r.role = $role
RETURN d.id AS id, d.name AS name, d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind,
       u.id AS unit_id, u.title AS unit_title, u.plan_id AS plan_id, u.plan_title AS plan_title, r.basis AS basis,
       r.quote AS quote
ORDER BY u.plan_issued, u.ord, r.span_start, r.rank
