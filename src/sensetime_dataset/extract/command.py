"""`sensetime-dataset extract PATH [--json] [--into curation/]`: what the command does,
kept out of cli.py so that the command there stays a few lines."""

from __future__ import annotations

import json
from pathlib import Path

from . import extract
from .proposal import Proposal


class InputError(Exception):
    """A document that cannot be read; the message names the file."""


def read_document(path: Path) -> str:
    if path.exists() and not path.is_dir() and not path.is_file():
        # a device or a pipe (/dev/zero) may never end: it is not read at all
        raise InputError(f"{path}: not a regular file (a device or a pipe); save the "
                         "document to a file first")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a document") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); convert it to "
                         "UTF-8 first") from None
    if "\x00" in text:  # valid UTF-8, but UTF-16 text or a binary file read as such
        raise InputError(f"{path}: holds a NUL byte (byte {data.index(0)}): UTF-16 text or "
                         "a binary file, not UTF-8 text; convert it to UTF-8 first")
    return text


def propose(path: Path, anchor: str | None = None) -> tuple[str, list[Proposal]]:
    text = read_document(path)
    return text, extract(text, anchor)


def as_json(proposals: list[Proposal]) -> str:
    return json.dumps([p.as_json() for p in proposals], ensure_ascii=False, indent=1)


def render_table(proposals: list[Proposal]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(proposals)} proposals (to review)", show_lines=True)
    for column in ("table", "fields", "quote", "rule"):
        table.add_column(column, overflow="fold")
    for p in proposals:
        fields = ", ".join(f"{k}={v}" for k, v in p.as_json()["fields"].items()
                           if v is not None and k != "description")
        quote = p.quote if len(p.quote) <= 160 else p.quote[:157] + "..."
        table.add_row(p.table, fields, f"{quote} [{p.start}-{p.end}]", p.rule)
    Console().print(table)
