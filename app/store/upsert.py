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
