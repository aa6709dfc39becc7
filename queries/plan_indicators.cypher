// purpose: The targets one plan sets, with the unit (or the plan itself) that states each.
// params: plan (plan id)
// returns: id, name, target_value, comparator, unit, target_year, baseline_value, baseline_year, plan, unit_id, quote
MATCH (i:Indicator)
WHERE i.plan_id = $plan
RETURN i.id AS id, i.name AS name, i.target_value AS target_value, i.comparator AS comparator,
       i.unit AS unit, i.target_year AS target_year, i.baseline_value AS baseline_value,
       i.baseline_year AS baseline_year, i.plan_id AS plan, i.owner_id AS unit_id, i.quote AS quote
ORDER BY i.span_start
