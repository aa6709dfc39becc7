// purpose: Everything the search index ranks: units, targets and plans with their jieba tokens.
// params: none
// returns: id, type, title, plan_id, plan_title, text, tokens
// index: none: every unit, target and plan (label scans), read once to build the search index.
MATCH (u:Action|Project)
RETURN u.id AS id, u.type AS type, u.title AS title, u.plan_id AS plan_id, u.plan_title AS plan_title,
       u.text AS text, u.tokens AS tokens
UNION ALL
MATCH (i:Indicator)
RETURN i.id AS id, 'indicator' AS type, i.name AS title, i.plan_id AS plan_id, i.plan_title AS plan_title,
       i.quote AS text, i.tokens AS tokens
UNION ALL
MATCH (p:Plan)
WHERE p.national = false
RETURN p.id AS id, 'plan' AS type, p.title AS title, p.id AS plan_id, p.title AS plan_title,
       p.title AS text, p.tokens AS tokens
