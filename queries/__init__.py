"""The question layer: named Cypher queries (the `.cypher` files here, read as data by
`graph.catalog`) and the Python that answers the API's questions from them (service,
search, entities, ask, lookups). It imports `graph` and `loaders.segment` (so documents
and questions are cut alike), nothing else of `loaders`, and nothing of `api`.
"""
