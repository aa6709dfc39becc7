"""One place for configuration: environment variables, with CLI flags on top.

Read here and nowhere else; the stores and the app get what they need as arguments.
"""

from functools import lru_cache

from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict


class WorkerStore(BaseModel):
    """Which store a `policykg serve --workers N` process opens: the command's own choice, handed down
    to processes that start afresh (uvicorn spawns them), so they need not re-read the flags."""

    store: str | None = None
    neo4j: str | None = None
    read_only: bool = False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    policykg_store: str = ".policykg"
    policykg_buffer_pool_mb: int = 1024
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = "neo4j"
    neo4j_database: str | None = None
    policykg_api_token: str | None = None
    policykg_response_cache: bool = True
    policykg_query_cache: bool = True  # the embedded store's cache of query results (0 = every read from the store)
    # FastAPI's native OpenTelemetry (traces, metrics, logs to the globally configured providers). Off unless
    # asked for: its check for configured providers ran on every request, about 20 µs of a 0.25 ms page.
    policykg_opentelemetry: bool = False
    policykg_worker: WorkerStore | None = None  # set by `serve --workers N` for its processes (JSON), not by hand


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()
