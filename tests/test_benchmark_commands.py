"""The benchmark commands the README documents run as written (on tiny inputs: these
tests check that they work, never how fast)."""
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_command(*args: str, env: dict[str, str] | None = None) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", **(env or {})}
    result = subprocess.run([sys.executable, "manage.py", *args], check=False, cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_bench_pipeline_runs_a_small_burst_with_a_real_worker_and_prints_its_table():
    output = run_command("bench_pipeline", "--configs", "embedded-1-short", "--articles", "20", "--paced", "2")
    assert "| embedded | 1 | short |" in output
    assert "Text work alone" in output


def test_bench_geoparse_prints_speed_load_time_and_memory(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text('{"id": "a", "text": "Shelling hit Idlib and Aleppo on Monday."}\n', encoding="utf-8")
    output = run_command("bench_geoparse", str(corpus), "--repeats", "1")
    assert "docs/s" in output
    assert "gazetteer load in a fresh process" in output
    assert "peak RSS" in output


def test_generate_synthetic_then_bench_map_on_a_database_made_for_it(tmp_path):
    database = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    env = {"DATABASE_URL": database}
    run_command("migrate", env=env)
    added = run_command("generate_synthetic", "--articles", "50", "--mentions", "200", "--places", "20", env=env)
    assert "Added 20 places, 50 articles and 200 mentions" in added
    table = run_command("bench_map", "--reset", "--sizes", "200", "--requests", "5", "--redraws", "2",
                        "--no-browser", env=env)
    assert "| sqlite | 200 |" in table
