"""The README's deployment instructions, read the way the tests run them, so that the
README and the tests cannot drift apart."""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import PurePath

from tests.conftest import REPO

SCALE_OUT_SECTION = "## Running on PostgreSQL and Redis (or RabbitMQ)"
PRODUCTION_SECTION = "## Production"


def section(title: str) -> str:
    """The README text under `title`, up to the next heading of the same level."""
    readme = (REPO / "README.md").read_text()
    text = readme.split(f"\n{title}\n", 1)[1]
    return re.split(r"\n## ", text, maxsplit=1)[0]


def shell_blocks(title: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", section(title), re.DOTALL)


@dataclass
class ShellLine:
    """One line of a README block: its text (a command, or an exported value) and its comment."""

    text: str
    comment: str = ""


@dataclass
class DeploymentBlock:
    """A README block of `export NAME=value` lines followed by commands."""

    environment: dict[str, ShellLine] = field(default_factory=dict)
    commands: list[ShellLine] = field(default_factory=list)

    def command_running(self, program: str) -> ShellLine:
        """The one command with `program` among its words (e.g. "gunicorn", "beat"); a
        word that is a path counts by its last part (`.venv/bin/gunicorn` is "gunicorn")."""
        found = [line for line in self.commands
                 if program in {PurePath(word).name for word in shlex.split(line.text)}]
        assert len(found) == 1, f"{len(found)} commands run {program!r} in the README block"
        return found[0]


def parse_block(block: str) -> DeploymentBlock:
    parsed = DeploymentBlock()
    for raw in block.splitlines():
        command, _, comment = raw.partition("  #")
        command, comment = command.strip(), comment.strip()
        if not command or command.startswith("#"):
            continue
        exported = re.fullmatch(r"export ([A-Z][A-Z0-9_]*)=(\S*)", command)
        if exported:
            parsed.environment[exported.group(1)] = ShellLine(exported.group(2), comment)
        else:
            parsed.commands.append(ShellLine(command, comment))
    return parsed


def scale_out_block() -> DeploymentBlock:
    """The README's scale-out block (its first shell block)."""
    return parse_block(shell_blocks(SCALE_OUT_SECTION)[0])
