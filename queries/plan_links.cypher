// purpose: Annex tasks of a plan and the body units they name (组织实施网络技术提升行动 → （一）网络技术提升行动).
// params: plan (plan id)
// returns: from_id, to_id
// index: the action_plan_id index (a.plan_id = $plan), then its REFERS_TO edges.
MATCH (a:Action)-[:REFERS_TO]->(b:Action|Project)
WHERE a.plan_id = $plan
RETURN a.id AS from_id, b.id AS to_id
