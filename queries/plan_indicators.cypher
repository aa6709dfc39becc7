// purpose: The targets one plan sets, with the unit (or the plan itself) that states each.
// params: plan (plan id)
// returns: id, name, target_value, comparator, unit, target_year, baseline_value, baseline_year, plan, unit_id, quote, locator, source, span_start, span_end,
// returns: correction_id, corrected_by, corrected_at
// index: the plan_id uniqueness constraint (p.id = $plan), then the plan's OWNS edges.
MATCH (p:Plan)-[:OWNS]->(i:Indicator)
WHERE p.id = $plan
RETURN i.id AS id, i.name AS name, i.target_value AS target_value, i.comparator AS comparator,
       i.unit AS unit, i.target_year AS target_year, i.baseline_value AS baseline_value,
       i.baseline_year AS baseline_year, i.plan_id AS plan, i.owner_id AS unit_id, i.quote AS quote, i.locator AS locator,
       i.source AS source, i.span_start AS span_start, i.span_end AS span_end,
       i.correction_id AS correction_id, i.corrected_by AS corrected_by, i.corrected_at AS corrected_at
ORDER BY i.span_start
