"""INSERT … ON CONFLICT for both backends, in batches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

BATCH_ROWS = 5000


def upsert_rows(
    session: Session,
    table: Table,
    rows: Iterable[dict[str, Any]],
    *,
    conflict_columns: Sequence[str],
    update_columns: Sequence[str] = (),
) -> int:
    """Insert ``rows``; on a key conflict update ``update_columns`` (or keep the row when there are none)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    if update_columns:
        statement = statement.on_conflict_do_update(
            index_elements=list(conflict_columns),
            set_={column: statement.excluded[column] for column in update_columns},
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(conflict_columns))
    count = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            session.execute(statement, batch)
            count += len(batch)
            batch = []
    if batch:
        session.execute(statement, batch)
        count += len(batch)
    return count


def insert_tuples(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict_columns: Sequence[str],
    update_columns: Sequence[str] = (),
) -> int:
    """``upsert_rows`` for bulk loads: rows as tuples in ``columns`` order, written through the driver in the
    session's transaction (SQLite: one ``executemany``; PostgreSQL: ``COPY`` into a temporary table, then one
    ``INSERT … SELECT … ON CONFLICT``). Rows apply in order: on a repeated key the last one wins an update."""
    if not rows:
        return 0
    connection = session.connection()
    driver = connection.connection.driver_connection
    name = table.name
    column_list = ", ".join(f'"{c}"' for c in columns)
    conflict = ", ".join(f'"{c}"' for c in conflict_columns)
    if update_columns:
        action = "DO UPDATE SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in update_columns)
    else:
        action = "DO NOTHING"
    if connection.dialect.name != "postgresql":
        placeholders = ", ".join("?" for _ in columns)
        sql = f'INSERT INTO "{name}" ({column_list}) VALUES ({placeholders}) ON CONFLICT ({conflict}) {action}'
        driver.executemany(sql, rows)  # type: ignore[union-attr]
        return len(rows)
    staging = f"_load_{name}"
    with driver.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS "{staging}" ON COMMIT DROP AS '
            f'SELECT 0::bigint AS _seq, {column_list} FROM "{name}" WITH NO DATA'
        )
        with cursor.copy(f'COPY "{staging}" (_seq, {column_list}) FROM STDIN') as copy:
            for seq, row in enumerate(rows):
                copy.write_row((seq, *row))
        if update_columns:
            # One statement may not update a row twice: keep the last of each key, as row-by-row upserts would.
            select = (f'SELECT DISTINCT ON ({conflict}) {column_list} FROM "{staging}" '
                      f"ORDER BY {conflict}, _seq DESC")
        else:
            select = f'SELECT {column_list} FROM "{staging}" ORDER BY _seq'
        cursor.execute(f'INSERT INTO "{name}" ({column_list}) {select} ON CONFLICT ({conflict}) {action}')
        cursor.execute(f'TRUNCATE "{staging}"')
    return len(rows)
