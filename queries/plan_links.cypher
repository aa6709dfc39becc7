// purpose: Annex tasks of a plan and the body units they name (组织实施网络技术提升行动 → （一）网络技术提升行动).
// params: plan (plan id)
// returns: from_id, to_id
MATCH (a:Action)-[r:REFERS_TO]->(b:Action|Project)
WHERE r.plan_id = $plan
RETURN a.id AS from_id, b.id AS to_id
