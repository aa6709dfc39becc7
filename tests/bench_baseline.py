"""The one-route FastAPI app the flagship query is measured against, served the same way."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/ping")
def ping() -> dict:
    return {"status": "ok"}


if __name__ == "__main__":
    import sys

    from api.server import serve

    serve(app, "127.0.0.1", int(sys.argv[1]))
