"""The import's hostile-file tests and its fuzz again, on PostgreSQL: the database that
refuses a NUL character and checks column lengths, where one refused record used to
take its whole chunk with it. The database is chosen when settings load, so this runs
them in a pytest of its own whose DATABASE_URL points at PostgreSQL."""
import os
import re
import subprocess
import sys
import time
import uuid

import pytest
from django.db import connection

from tests.conftest import REPO

POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
ON_POSTGRESQL = [
    f"{__file__}::test_this_run_uses_the_database_it_was_asked_for",
    str(REPO / "tests" / "importing" / "test_hostile_files.py"),
    str(REPO / "tests" / "importing" / "test_fuzz.py"),
    str(REPO / "tests" / "test_importing.py"),
]


@pytest.mark.django_db
def test_this_run_uses_the_database_it_was_asked_for():
    assert connection.vendor == os.environ.get("IMPORT_TEST_DATABASE", connection.vendor)


@pytest.mark.services
def test_hostile_imports_and_the_import_fuzz_pass_on_postgresql(tmp_path):
    if connection.vendor == "postgresql":
        pytest.skip("this whole run is on PostgreSQL already")
    env = {**os.environ, "DATABASE_URL": POSTGRES, "CONFLICTMAP_TEST_RUN": f"pg{uuid.uuid4().hex[:10]}",
           "IMPORT_TEST_DATABASE": "postgresql"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp",
         str(tmp_path / "inner"), "-W", "ignore::UserWarning", *ON_POSTGRESQL],
        check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b\d\d+ passed", result.stdout) and "skipped" not in result.stdout, result.stdout[-2000:]
    print(f"import tests on PostgreSQL: {time.monotonic() - started:.1f} s")
