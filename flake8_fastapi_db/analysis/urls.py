"""Database URLs written in the source: scheme, dialect, embedded credentials."""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from ..names import dotted, is_lib, literal_str

# Names that hold a database URL (matched case-insensitively as substrings).
DB_URL_NAME = re.compile(r"DATABASE_UR[LI]|DB_UR[LI]|SQLALCHEMY_DATABASE_URI", re.IGNORECASE)

# Hosts only reachable from the machine itself: a password for them grants nothing
# to a reader of the source.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0",
                         "host.docker.internal"})
# Passwords that are documentation placeholders, not secrets.
PLACEHOLDER_PASSWORDS = frozenset({
    "password", "pass", "passwd", "pwd", "secret", "changeme", "change_me", "changethis",
    "change-me", "example", "dummy", "placeholder", "your_password", "yourpassword",
    "your-password", "mypassword", "my_password", "db_password", "dbpassword",
})
_PLACEHOLDER_MARKS = ("{", "}", "<", ">", "$", "%(", "\x00")
_HOLE = "\x00"   # stands for an interpolated f-string part


def url_scheme_text(node: ast.AST) -> str | None:
    """Literal text of a URL up to and including ``://``: a str literal, or an
    f-string whose scheme is literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        head = node.values[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str) and \
                "://" in head.value:
            return head.value
    return None


def scheme_dialect(text: str) -> str | None:
    """``postgresql+asyncpg://...`` -> ``postgresql``; None if no scheme."""
    scheme, sep, _ = text.partition("://")
    if not sep or not scheme:
        return None
    backend = scheme.partition("+")[0].strip().lower()
    return backend if backend.replace("_", "").isalnum() else None


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    host: str


def literal_text(node: ast.AST) -> str | None:
    """Text of a str literal or f-string, interpolations replaced by a hole marker."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            else:
                parts.append(_HOLE)
        return "".join(parts)
    return None


def embedded_password(text: str) -> Credentials | None:
    """``scheme://user:password@host/...`` with a real-looking literal password
    for a host that is not the local machine; None otherwise."""
    match = re.match(r"\s*[A-Za-z][\w+.-]*://([^/?#\s]*)", text)
    if match is None:
        return None
    userinfo, at, hostport = match.group(1).rpartition("@")
    if not at:
        return None
    user, colon, password = userinfo.partition(":")
    if not colon or not password or _is_placeholder(password):
        return None
    if hostport.startswith("["):
        host = hostport[: hostport.find("]") + 1]
    else:
        host = hostport.partition(":")[0]
    if host.lower() in LOCAL_HOSTS or host.startswith("127."):
        return None
    return Credentials(user.replace(_HOLE, "{...}"), password,
                       host.replace(_HOLE, "{...}") or "?")


def _is_placeholder(password: str) -> bool:
    if any(mark in password for mark in _PLACEHOLDER_MARKS):
        return True
    if set(password) <= set("*xX.-_"):
        return True
    return password.lower() in PLACEHOLDER_PASSWORDS


def url_literals(node: ast.AST | None, qualname: object) -> list[ast.expr]:
    """String literals that can become the value of ``node``: the node itself, the
    default of ``os.getenv(k, default)`` / ``environ.get`` / ``setdefault`` /
    pydantic ``Field(default)``, branches of ``a or b`` and ``x if c else y``.
    ``qualname`` maps a node to its import-qualified name."""
    if node is None:
        return []
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return [node] if literal_text(node) is not None else []
    if isinstance(node, ast.BoolOp):
        return [lit for value in node.values for lit in url_literals(value, qualname)]
    if isinstance(node, ast.IfExp):
        return url_literals(node.body, qualname) + url_literals(node.orelse, qualname)
    if isinstance(node, ast.Call):
        default = _default_argument(node, qualname)
        return url_literals(default, qualname) if default is not None else []
    return []


def _default_argument(call: ast.Call, qualname: object) -> ast.expr | None:
    keyword_default = next((kw.value for kw in call.keywords if kw.arg == "default"), None)
    name = dotted(call.func) or ""
    if is_lib(qualname(call.func), "pydantic", "Field"):  # type: ignore[operator]
        return call.args[0] if call.args else keyword_default
    if name.rpartition(".")[2] in ("getenv", "get", "setdefault") and call.args:
        return call.args[1] if len(call.args) > 1 else keyword_default
    if name == "str" and len(call.args) == 1:
        return call.args[0]
    return None


def env_key_default(call: ast.Call) -> ast.expr | None:
    """The default of ``getenv("DATABASE_URL", default)``-like calls whose key
    names a database URL."""
    name = dotted(call.func) or ""
    if name.rpartition(".")[2] not in ("getenv", "get", "setdefault") or not call.args:
        return None
    key = literal_str(call.args[0])
    if key is None or not DB_URL_NAME.search(key):
        return None
    if len(call.args) > 1:
        return call.args[1]
    return next((kw.value for kw in call.keywords if kw.arg == "default"), None)
