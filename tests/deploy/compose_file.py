"""Just enough YAML for compose.yaml (PyYAML is not a dependency of the app): nested
mappings by indentation, `- item` lists, JSON-style inline lists, quoted or plain scalars,
and one level of anchors merged with `<<: *name`. Anything else is refused loudly, so the
file stays in the subset the tests can read."""
from __future__ import annotations

import json
import re

_KEY = re.compile(r"^(?P<indent> *)(?P<key>[A-Za-z0-9_.<-]+):(?: +(?P<value>.*))?$")
_ITEM = re.compile(r"^(?P<indent> *)- +(?P<value>.*)$")


def _scalar(text: str):
    text = text.strip()
    if text.startswith("["):
        return json.loads(text)
    if text[:1] in "\"'":
        return text[1:-1]
    return text


def _meaningful(lines: list[str]) -> list[str]:
    kept = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kept.append(line.rstrip())
    return kept


def parse_compose(text: str) -> dict:
    lines = _meaningful(text.splitlines())
    anchors: dict[str, dict] = {}

    def block(start: int, indent: int):
        """Parse the lines from `start` indented exactly `indent`; return (value, next)."""
        if _ITEM.match(lines[start]):
            items = []
            index = start
            while index < len(lines) and (match := _ITEM.match(lines[index])) \
                    and len(match["indent"]) == indent:
                items.append(_scalar(match["value"]))
                index += 1
            return items, index
        mapping: dict = {}
        index = start
        while index < len(lines):
            match = _KEY.match(lines[index])
            if not match or len(match["indent"]) < indent:
                if match is None and len(lines[index]) - len(lines[index].lstrip()) >= indent:
                    raise ValueError(f"compose.yaml: cannot read {lines[index]!r}")
                break
            if len(match["indent"]) > indent:
                raise ValueError(f"compose.yaml: unexpected indent at {lines[index]!r}")
            key, value = match["key"], (match["value"] or "").strip()
            anchor = None
            if value.startswith("&"):
                anchor, value = value[1:], ""
            if key == "<<":
                mapping.update(anchors[value.removeprefix("*")])
                index += 1
                continue
            if value:
                mapping[key] = _scalar(value)
                index += 1
            else:
                following = lines[index + 1] if index + 1 < len(lines) else ""
                child_indent = len(following) - len(following.lstrip())
                if child_indent > indent:
                    mapping[key], index = block(index + 1, child_indent)
                else:  # `name:` with nothing under it (a named volume)
                    mapping[key], index = None, index + 1
            if anchor:
                anchors[anchor] = mapping[key]
        return mapping, index

    parsed, end = block(0, 0)
    if end != len(lines):
        raise ValueError(f"compose.yaml: stopped reading at {lines[end]!r}")
    return parsed
