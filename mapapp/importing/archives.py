"""Zips of saved HTML pages, read in memory (no member is ever written to disk, so no
name can escape a folder or be too long for the file system) and held to the limits:
how many members, how many bytes they really unpack to, how much each is compressed."""
from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator

from mapapp.importing.limits import LIMITS, ImportLimits, ImportRefused, size_text
from mapapp.importing.pages import PAGE_SUFFIXES, page_record
from mapapp.importing.records import RawRecord, Rejection

SHOWN_NAME = 120  # characters of a member's name shown in a report
READ_PIECE = 64 * 1024


def read_zip(path, limits: ImportLimits = LIMITS) -> Iterator[RawRecord | Rejection]:
    """One raw record per HTML member, in the archive's order; other members are left
    out. The archive is refused whole (ImportRefused) when it is not a zip, has too many
    members, or declares too many bytes or a bomb's compression; a member that unpacks
    to more than it declares, or is damaged, is rejected alone."""
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:  # zipfile raises many kinds on damaged archives
        raise ImportRefused(f"not a readable zip ({type(exc).__name__}: {exc})") from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.zip_members:
            raise ImportRefused(f"the zip has {len(members)} members, more than {limits.zip_members}")
        pages = [m for m in members
                 if not m.is_dir() and m.filename.lower().endswith(tuple(PAGE_SUFFIXES))]
        declared = sum(m.file_size for m in pages)
        if declared > limits.unzipped_bytes:
            raise ImportRefused(f"the zip unpacks to more than {size_text(limits.unzipped_bytes)}")
        for member in pages:
            if _ratio(member) > limits.compression_ratio:
                raise ImportRefused(
                    f"{_shown(member.filename)} is compressed {_ratio(member):.0f} times, more than "
                    f"{limits.compression_ratio}: a zip bomb, not a saved page")
        records: list[RawRecord | Rejection] = []
        unpacked = 0
        started = time.monotonic()
        for member in pages:
            if time.monotonic() - started > limits.seconds_per_import:
                raise ImportRefused(f"reading the zip's pages took more than "
                                    f"{limits.seconds_per_import:g} s")
            where = _shown(member.filename)
            markup = _unpack(archive, member, limits.member_bytes)
            if isinstance(markup, str):
                records.append(Rejection(where, markup))
                continue
            unpacked += len(markup)
            if unpacked > limits.unzipped_bytes:  # headers can lie; the bytes cannot
                raise ImportRefused(f"the zip unpacks to more than {size_text(limits.unzipped_bytes)}")
            records.append(page_record(markup, where=where, limits=limits))
    return iter(records)


def _unpack(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes | str:
    """The member's bytes, read piece by piece and counted as they come: a member that
    unpacks to more than `limit` stops being read there. A string says why it failed."""
    pieces: list[bytes] = []
    size = 0
    try:
        with archive.open(member) as stream:
            while piece := stream.read(READ_PIECE):
                size += len(piece)
                if size > limit or size > max(member.file_size, 0):
                    return f"unpacks to more than {min(limit, member.file_size)} bytes"
                pieces.append(piece)
    except Exception as exc:  # damaged, encrypted, an unknown method: this member alone
        return f"damaged member ({type(exc).__name__}: {str(exc)[:80]})"
    return b"".join(pieces)


def _ratio(member: zipfile.ZipInfo) -> float:
    return member.file_size / max(member.compress_size, 1)


def _shown(name: str) -> str:
    return name if len(name) <= SHOWN_NAME else name[: SHOWN_NAME - 1] + "…"
