// purpose: The facts of one plan a person's correction made or changed, with who and when (for the RDF export).
// params: plan (plan id)
// returns: fact ('assignment' or 'indicator'), id (department or indicator id), unit_id, role ('' for an indicator), correction_id, corrected_by, corrected_at
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(u:Action|Project)
WHERE u.plan_id = $plan AND r.correction_id IS NOT NULL
RETURN 'assignment' AS fact, d.id AS id, u.id AS unit_id, r.role AS role, r.correction_id AS correction_id,
       r.corrected_by AS corrected_by, r.corrected_at AS corrected_at
UNION ALL
MATCH (i:Indicator)
WHERE i.plan_id = $plan AND i.correction_id IS NOT NULL
RETURN 'indicator' AS fact, i.id AS id, i.owner_id AS unit_id, '' AS role, i.correction_id AS correction_id,
       i.corrected_by AS corrected_by, i.corrected_at AS corrected_at
