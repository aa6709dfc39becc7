// purpose: A plan's text as read and its reading before corrections (compressed JSON), kept in its Source node.
// params: plan (plan id)
// returns: plan_id, text, reading
MATCH (s:Source)
WHERE s.plan_id = $plan
RETURN s.plan_id AS plan_id, s.text AS text, s.reading AS reading
