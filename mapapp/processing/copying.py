"""Inserting many rows at once through PostgreSQL's COPY.

The processing service writes tens of mentions per article. Django's bulk_create sends
them as one INSERT with a parameter (an array, on PostgreSQL) per column, which psycopg
builds value by value in Python: on the reference machine that cost more per article
than reading the text. COPY streams the rows with psycopg's C encoders instead."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from psycopg import sql


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Stream `rows` (values in the order of `columns`) into `table`, inside the
    current transaction. PostgreSQL only."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    )
    # psycopg's own cursor does the COPY; its errors reach callers as Django's.
    with connection.wrap_database_errors, connection.cursor() as cursor, \
            cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
