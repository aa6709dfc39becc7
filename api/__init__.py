"""The HTTP API (FastAPI) and the command line, both thin over graph.service."""
