"""Loaders: one document in, one `PlanGraph` out. Parsing never touches a store."""
