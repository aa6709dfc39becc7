// purpose: Neo4j only: units found through the full-text indexes (CJK analyzer on the text, jieba tokens).
// params: q (Lucene query text, e.g. '医疗'), limit (int)
// returns: id, type, title, plan_id, score
CALL db.index.fulltext.queryNodes('unit_text', $q) YIELD node, score
RETURN node.id AS id, node.type AS type, node.title AS title, node.plan_id AS plan_id, score
ORDER BY score DESC
LIMIT $limit
