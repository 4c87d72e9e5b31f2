# select: DB701
import enum
import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy import literal_column, select, text
from sqlalchemy.orm import Session

from app.config import settings
from app.models import User

logger = logging.getLogger(__name__)

TABLE = "audit_log"
TABLES = ("users", "posts")
SORT_COLUMNS = {"name": "user_name", "created": "created_at"}
STATUS_FILTER = "status = " + "'active'"


class Status(str, enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"


def find_by_name(session: Session, name: str):
    return session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))  # DB701


def percent_format(session: Session, user_id: str):
    return session.execute(text("SELECT * FROM users WHERE id = %s" % user_id))  # DB701


def dot_format(session: Session, email: str):
    return session.execute(sa.text("SELECT * FROM users WHERE email = '{}'".format(email)))  # DB701


def concatenation(session: Session, order: str):
    return session.execute(text("SELECT * FROM users ORDER BY " + order))  # DB701


def built_earlier(session: Session, status: str, search: str):
    sql = "SELECT * FROM users WHERE 1 = 1"
    if status:
        sql += f" AND status = '{status}'"
    if search:
        sql = sql + " AND name LIKE '%" + search + "%'"
    return session.execute(text(sql))  # DB701


def joined_conditions(session: Session, filters: dict):
    conditions = []
    for key, value in filters.items():
        conditions.append(f"{key} = '{value}'")
    return session.execute(text("SELECT * FROM users WHERE " + " AND ".join(conditions)))  # DB701


def appended_to_parameter(session: Session, query: str):
    query = query + " LIMIT 10"
    return session.execute(text(query))  # DB701


def driver_sql(session: Session, table: str):
    conn = session.connection()
    conn.exec_driver_sql(f"TRUNCATE {table}")  # DB701


def migration_helper(table_name: str):
    op.execute(f"DROP TABLE {table_name}")  # DB701


def literal_value(value: str):
    return select(literal_column(f"'{value}'"))  # DB701


def dbapi_cursor(cursor, user_id: str):
    cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)  # DB701
    cursor.execute(f"DELETE FROM sessions WHERE user_id = {user_id}")  # DB701


def from_settings(session: Session):
    session.execute(text(f"SET search_path TO {settings.DB_SCHEMA}"))  # DB701


def compiled_statement(session: Session):
    stmt = select(User)
    query_str = str(stmt.compile(compile_kwargs={"literal_binds": True}))
    return session.execute(text("EXPLAIN " + query_str))  # DB701


def keyword_argument(session: Session, name: str):
    return session.execute(text(text=f"SELECT '{name}'"))  # DB701


# --- not reported -----------------------------------------------------------
def bound_parameters(session: Session, name: str):
    session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})
    session.execute(text("SELECT * FROM users WHERE name = :name").bindparams(name=name))


def statements_are_not_strings(session: Session, name: str):
    stmt = select(User).where(User.name == name)
    session.execute(stmt)
    session.execute(select(User))
    session.scalars(select(User).where(User.name == name))


def dbapi_parameters(cursor, user_id: str):
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    cursor.execute("SELECT * FROM users WHERE id = ?", [user_id])


def string_from_caller(session: Session, sql: str, connection):
    # Built by the caller, not in this function: not followed.
    session.execute(text(sql))
    connection.execute(sql)


def constant_string(session: Session):
    sql = "SELECT count(*) FROM users"
    return session.execute(text(sql))


def literal_constants_only(session: Session, kind: str):
    session.execute(text(f"DELETE FROM {TABLE} WHERE created_at < now() - interval '30 days'"))
    for table in TABLES:
        session.execute(text(f"ANALYZE {table}"))
    for table in ("users", "posts"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN note TEXT")
    for index, table in enumerate(TABLES):
        op.execute(f"COMMENT ON TABLE {table} IS 'table {index}'")
    column = SORT_COLUMNS[kind]
    session.execute(text(f"SELECT * FROM users ORDER BY {column}"))
    session.execute(text(f"SELECT * FROM users WHERE {STATUS_FILTER}"))
    session.execute(text(f"SELECT * FROM {User.__tablename__}"))
    op.execute(f"DROP TABLE {TABLE}")
    session.execute(text(f"SELECT 1"))


def generated_placeholders(session: Session, cursor, ids: list[int], limit: int):
    placeholders = ", ".join(f":id{i}" for i in range(len(ids)))
    params = {f"id{i}": v for i, v in enumerate(ids)}
    session.execute(text(f"SELECT * FROM users WHERE id IN ({placeholders})"), params)
    marks = ", ".join(["%s"] * len(ids))
    cursor.execute(f"SELECT * FROM users WHERE id IN ({marks})", ids)
    session.execute(text(f"SELECT * FROM users LIMIT {int(limit)}"))
    session.execute(text("SELECT * FROM users LIMIT " + str(len(ids))))


def quoted_identifier(session: Session, name: str):
    quoted = session.get_bind().dialect.identifier_preparer.quote(name)
    session.execute(text(f"DROP TABLE {quoted}"))


def not_sql(workflow, logger_name: str, name: str):
    # Formatted strings that do not start like SQL, and logging calls.
    workflow.execute(f"run {name}")
    logger.info(f"SELECT done for {name}")
    logger.info("SELECT %s", name)


def conditions_with_bind_names(session: Session, name: str, email: str):
    conditions = []
    params = {}
    if name:
        conditions.append("name = :name")
        params["name"] = name
    if email:
        conditions.append("email = :email")
        params["email"] = email
    where = " AND ".join(conditions)
    session.execute(text(f"SELECT * FROM users WHERE {where}"), params)


def assigned_after_use(session: Session, name: str):
    sql = "SELECT 1"
    session.execute(text(sql))
    sql = f"SELECT '{name}'"
    return sql


def in_comprehension(session: Session, tag_ids: list[str], names: list[str]):
    clauses = [
        text(f"EXISTS (SELECT 1 FROM tags WHERE tag.value = :tag_{idx})").bindparams(
            **{f"tag_{idx}": tag_id})
        for idx, tag_id in enumerate(tag_ids)
    ]
    unsafe = [text(f"name = '{name}'") for name in names]  # DB701
    return clauses, unsafe


def numeric_parameters(session: Session, lock_id: int, timeout: float | None = None):
    session.execute(text(f"SELECT pg_try_advisory_lock({lock_id})"))
    session.execute(text(f"SET LOCAL lock_timeout = '{timeout}s'"))


def _remaining_ms() -> int:
    return 1000


def numeric_result(session: Session):
    remaining = _remaining_ms()
    session.execute(text(f"SET LOCAL statement_timeout = '{remaining}'"))


def generated_names(session: Session):
    import uuid

    name = f"tmp_{uuid.uuid4().hex}"
    session.execute(text(f"CREATE TEMPORARY TABLE {name} (id int)"))


def _drop_column(session: Session, table: str, column: str = "legacy"):
    # Every call site in this module passes literals (module-private helper).
    session.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))


def drop_legacy_columns(session: Session):
    _drop_column(session, "users")
    _drop_column(session, table="posts", column="old_flag")
    for table in TABLES:
        _drop_column(session, table)


def _truncate(session: Session, table: str):
    session.execute(text(f"TRUNCATE {table}"))  # DB701


def truncate_requested(session: Session, requested: str):
    _truncate(session, "users")
    _truncate(session, requested)


def public_helper(session: Session, table: str):
    # Public: callers in other modules may pass anything.
    session.execute(text(f"ANALYZE {table}"))  # DB701


def caller_of_public_helper(session: Session):
    public_helper(session, "users")


def enum_members(session: Session):
    statuses = ", ".join(f"'{status.value}'" for status in Status)
    session.execute(text(f"UPDATE users SET flag = true WHERE status IN ({statuses})"))
    session.execute(text(f"SELECT * FROM users WHERE status = '{Status.ACTIVE.value}'"))


def aliased_quoting(session: Session, table_name: str):
    quote = session.get_bind().dialect.identifier_preparer.quote
    session.execute(text(f"SELECT count(*) FROM {quote(table_name)}"))


def compiled_constant(session: Session):
    # The dialect's own FALSE keyword, compiled from a SQLAlchemy constant.
    session.execute(text(f"UPDATE users SET flag = {sa.false().compile(session.get_bind())}"))
    session.execute(text(f"UPDATE users SET flag = {sa.literal(1).compile()}"))  # DB701


def repr_of_literal(session: Session):
    for status in ("active", "banned"):
        session.execute(text(f"SELECT count(*) FROM users WHERE data->>{repr(status)} = 'x'"))


def repr_of_parameter(session: Session, key: str):
    session.execute(text(f"SELECT count(*) FROM users WHERE data->>{repr(key)} = 'x'"))  # DB701


def _quoted(name: str) -> sa.sql.quoted_name:
    return sa.sql.quoted_name(name, quote=True)


def _constant_assignments() -> str:
    pairs = ["id = NEW.id"]
    pairs.extend(f"{column} = NEW.{column}" for column in TABLES)
    return ", ".join(pairs)


def _read_setting() -> str:
    return settings.SCHEMA


def local_helpers(session: Session, requested: str):
    session.execute(text(f"SELECT count(*) FROM {_quoted('users')}"))
    table = _quoted(TABLE)
    session.execute(text(f"DELETE FROM {table}"))
    session.execute(text(f"UPDATE users SET {_constant_assignments()}"))
    session.execute(text(f"SELECT count(*) FROM {_quoted(requested)}"))  # DB701
    session.execute(text(f"SET search_path TO {_read_setting()}"))  # DB701


def _rebinds(name: str) -> str:
    name = settings.PREFIX + name
    return name


def helper_rebinding_its_parameter(session: Session):
    session.execute(text(f"SELECT count(*) FROM {_rebinds('users')}"))  # DB701


def dict_keys_as_columns(session: Session, rows: list[dict], kind: str):
    records = []
    for row in rows:
        record = {"id": row["id"], "email": row.get("email")}
        if kind == "a":
            record["served"] = row["served"]
        records.append(record)
    columns = list(records[0].keys())
    names = ", ".join(columns)
    values = ", ".join(f":{column}" for column in columns)
    session.execute(text(f"INSERT INTO log ({names}) VALUES ({values})"), records)


def dict_keys_from_data(session: Session, rows: list[dict], extra: str):
    record = {"id": 1}
    record[extra] = 2
    names = ", ".join(record.keys())
    session.execute(text(f"INSERT INTO log ({names}) VALUES (1, 2)"))  # DB701
    first = rows[0]
    session.execute(text(f"INSERT INTO log ({', '.join(first.keys())}) VALUES (1)"))  # DB701


def value_of_literal_mapping(session: Session, dialect: str, fallback: str):
    conditions = {"postgresql": "get_byte(value, 0) = 128", "sqlite": "hex(value) = '80'"}
    condition = conditions.get(dialect)
    session.execute(text(f"DELETE FROM xcom WHERE {condition}"))
    session.execute(text(f"DELETE FROM xcom WHERE {SORT_COLUMNS.get(dialect, 'id')}"))
    session.execute(text(f"DELETE FROM xcom WHERE {conditions.get(dialect, fallback)}"))  # DB701


def keys_of_literal_constant(session: Session):
    session.execute(text(f"SELECT {', '.join(SORT_COLUMNS.keys())} FROM users"))


def _walk_tree(session: Session, table: str, row_id: int, column: str = "id"):
    # Recursive private helper: the table name enters only through literal call sites.
    rows = session.execute(text(f"SELECT {column} FROM {table} WHERE parent_id = :id"),
                           {"id": row_id}).all()
    for (child,) in rows:
        _walk_tree(session, table, child, column)


def _walk_any(session: Session, table: str, depth: int):
    session.execute(text(f"SELECT 1 FROM {table}"))  # DB701
    if depth:
        _walk_any(session, table + "_child", depth - 1)
        _walk_any(session, settings.TABLE, depth - 1)


def walk_trees(session: Session):
    _walk_tree(session, "categories", 1)
    _walk_any(session, "nodes", 2)
