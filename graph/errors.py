"""One root exception for everything policykg reports to a user.

Each subclass carries the HTTP status the API answers with and the exit code the
CLI ends with, so one handler in each interface turns any of them into a clean
message instead of a traceback.
"""


class PolicyKGError(Exception):
    status = 500
    exit_code = 1
    code = "error"

    def __init__(self, message: str, **detail: object) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class NotFound(PolicyKGError):
    status = 404
    code = "not_found"


class BadRequest(PolicyKGError):
    status = 400
    code = "bad_request"
    exit_code = 2


class DocumentError(PolicyKGError):
    """A document that cannot be read or yields no plan; named with its reason."""

    status = 422
    code = "bad_document"


class StoreError(PolicyKGError):
    """The store could not be opened, read or written (driver errors wrapped here)."""

    status = 503
    code = "store_unavailable"


class ReadOnly(PolicyKGError):
    """A write asked of a store this process opened read-only (a server's reader workers)."""

    status = 409
    code = "read_only"


class Unauthorized(PolicyKGError):
    status = 401
    code = "unauthorized"


class Forbidden(PolicyKGError):
    """Writes over HTTP are off until the server is given a token."""

    status = 403
    code = "writes_disabled"


class TooLarge(PolicyKGError):
    status = 413
    code = "too_large"
