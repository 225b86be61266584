"""A clean runtime-only virtual environment, as a new user makes it: `python3 -m venv`
with the pip it bundles, then `pip install --require-hashes -r requirements.txt` and
nothing else (no test tools, no pip upgrade).

It is cached under var/ by the hash of requirements.txt, so only a changed lock pays for
the install (about 45 s here); older ones are removed."""
from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CACHE = REPO / "var" / "runtime-venvs"


def lock_digest() -> str:
    return hashlib.sha256((REPO / "requirements.txt").read_bytes()).hexdigest()[:16]


def base_python() -> str:
    """The interpreter the test's own venv was made from: what `python3` is on this host."""
    return getattr(sys, "_base_executable", None) or sys.executable


def runtime_venv() -> Path:
    """The path of a complete runtime-only venv for the current lock, built if missing."""
    CACHE.mkdir(parents=True, exist_ok=True)
    venv = CACHE / lock_digest()
    with open(CACHE / ".lock", "a") as lock:
        # Parallel test runs wait for one build instead of racing into the same folder.
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (venv / ".complete").exists():
                shutil.rmtree(venv, ignore_errors=True)
                subprocess.run([base_python(), "-m", "venv", str(venv)], check=True)
                subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                                "--disable-pip-version-check", "--require-hashes",
                                "-r", str(REPO / "requirements.txt")], check=True)
                (venv / ".complete").write_text(lock_digest())
            for old in CACHE.iterdir():
                if old.is_dir() and old != venv:
                    shutil.rmtree(old, ignore_errors=True)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return venv
