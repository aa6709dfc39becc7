// purpose: Store one correction (writes): created, or replaced when its id is stored already (an import).
// params: id, plan_id, kind, unit_path, quote, body (JSON text), by, at, why, stale (bool), stale_reason
// returns: id
MERGE (c:Correction {id: $id})
SET c.type = 'correction', c.plan_id = $plan_id, c.kind = $kind, c.unit_path = $unit_path, c.quote = $quote,
    c.body = $body, c.by = $by, c.at = $at, c.why = $why, c.stale = $stale, c.stale_reason = $stale_reason
RETURN c.id AS id
