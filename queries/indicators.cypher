// purpose: Targets of every plan, filtered by target year (0 = any) and text in the name or quote ('' = any).
// params: year (int), q (text), offset (int), limit (int)
// returns: id, name, target_value, comparator, unit, target_year, baseline_value, baseline_year, plan, plan_title, unit_id, quote, locator,
// returns: correction_id, corrected_by, corrected_at
// index: a scan of the Indicator label; the plan's title and date are carried on the target, so no Plan is read.
// index: The filters test the parameters themselves: binding them to names first (WITH $year AS year) made the
// index: embedded engine twice as slow (1,000 plans: 67 against 22 ms). One plan's targets: plan_indicators_page.
MATCH (i:Indicator)
WHERE ($year = 0 OR i.target_year = $year)
  AND ($q = '' OR i.name CONTAINS $q OR i.quote CONTAINS $q)
RETURN i.id AS id, i.name AS name, i.target_value AS target_value, i.comparator AS comparator, i.unit AS unit,
       i.target_year AS target_year, i.baseline_value AS baseline_value, i.baseline_year AS baseline_year,
       i.plan_id AS plan, i.plan_title AS plan_title, i.owner_id AS unit_id, i.quote AS quote, i.locator AS locator,
       i.correction_id AS correction_id, i.corrected_by AS corrected_by, i.corrected_at AS corrected_at
ORDER BY i.target_year, i.plan_issued, i.span_start
SKIP $offset LIMIT $limit
