// purpose: Who leads (role 'leads') or supports (role 'supports') the given units, with the quote it rests on.
// params: ids (list of unit ids), role ('leads' or 'supports')
// returns: id, name, jurisdiction, aliases, kind, unit_id, unit_title, plan_id, plan_title, basis, quote
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(u:Action|Project), (p:Plan)
WHERE u.id IN $ids AND r.role = $role AND p.id = u.plan_id
RETURN d.id AS id, d.name AS name, d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind,
       u.id AS unit_id, u.title AS unit_title, p.id AS plan_id, p.title AS plan_title, r.basis AS basis,
       r.quote AS quote
ORDER BY p.issued, u.ord, r.span_start, r.rank
