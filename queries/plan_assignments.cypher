// purpose: Every lead and support edge of one plan, with the department at its start.
// params: plan (plan id)
// returns: unit_id, role, basis, id, name, jurisdiction, aliases, kind, quote, locator, deadline, source, span_start, span_end,
// returns: correction_id, corrected_by, corrected_at
// index: the plan_id uniqueness constraint (p.id = $plan), then the plan's OWNS edges and the units' incoming edges.
MATCH (p:Plan)-[:OWNS]->(u:Action|Project)<-[r:LEADS|SUPPORTS]-(d:Department)
WHERE p.id = $plan
RETURN u.id AS unit_id, r.role AS role, r.basis AS basis, d.id AS id, d.name AS name,
       d.jurisdiction AS jurisdiction, d.aliases AS aliases, d.kind AS kind, r.quote AS quote,
       r.locator AS locator, r.deadline AS deadline, r.source AS source, r.span_start AS span_start, r.span_end AS span_end,
       r.correction_id AS correction_id, r.corrected_by AS corrected_by, r.corrected_at AS corrected_at
ORDER BY u.ord, r.role, r.span_start, r.rank
