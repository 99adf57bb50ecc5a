"""Serve the package read-only with Datasette: build what is missing (the SQLite file
and the metadata) from the published package, then run Datasette on an immutable
database with bounded queries and quiet logs."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..checkout import Project
from ..errors import BuildError
from ..published.reader import PublishedPackage
from .database import build_database, database_path
from .metadata import write_metadata
from .site import SITE_MOUNT, build_site

HERE = Path(__file__).resolve().parent
PLUGINS_DIR = HERE / "plugins"
TEMPLATE_DIR = HERE / "templates"

# Bounded work per request: a runaway query is interrupted, a result is capped.
SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "facet_time_limit_ms": 200,
    "num_sql_threads": 3,
    "suggest_facets": False,   # a query per column on every large page; facets are declared
    "default_page_size": 25,   # HTML rendering is most of a page's time: 25 rows, then "next"
}


@dataclass(frozen=True)
class Served:
    database: Path
    metadata: Path
    site: Path | None = None   # static files of the front page (chart, downloads)


def prepare(project: Project) -> Served:
    """The SQLite file (rebuilt if it is missing or was built from another package or
    schemas) and the metadata (cheap, so always) of the checkout's published package."""
    if not project.descriptor.is_file():
        raise BuildError(f"{project.descriptor}: no published package here; run "
                         "`sensetime-dataset build` first")
    pkg = PublishedPackage(project.root)
    db = database_path(pkg, project.build_dir)
    stamp = db.with_name(db.name + ".package-sha256")
    digest = hashlib.sha256(project.descriptor.read_bytes())
    for schema in sorted(project.schemas_dir.glob("*.json")):   # our annotations live there
        digest.update(schema.read_bytes())
    digest.update((HERE / "database.py").read_bytes())          # and the views
    package_hash = digest.hexdigest()
    if not db.is_file() or not stamp.is_file() or stamp.read_text().strip() != package_hash:
        build_database(pkg, db)
        stamp.write_text(package_hash + "\n")
    site_dir = project.build_dir / "site"
    metadata = db.with_name(db.stem + ".metadata.json")
    # The metadata and the front page's files read the tables (and so import pyarrow and,
    # through the Parquet files' pandas metadata, pandas): only when what they are made
    # from changed, so that serving an unchanged package imports only what serving uses.
    site_stamp = db.with_name(db.name + ".site-sha256")
    site_hash = _site_digest(project, package_hash)
    if not (metadata.is_file() and site_dir.is_dir() and site_stamp.is_file()
            and site_stamp.read_text().strip() == site_hash):
        links = build_site(pkg, project, site_dir)
        write_metadata(pkg, db.stem, metadata, links)
        site_stamp.write_text(site_hash + "\n")
    return Served(db, metadata, site_dir)


def _site_digest(project: Project, package_hash: str) -> str:
    """What the metadata and the site are made from: the package, this part's code and
    templates, the chart's code, the CHANGELOG and the release archives."""
    digest = hashlib.sha256(package_hash.encode())
    code = sorted(p for p in HERE.rglob("*") if p.is_file() and p.suffix in (".py", ".html", ".css"))
    for path in [*code, HERE.parent / "reports" / "chart.py", project.root / "CHANGELOG.md",
                 *sorted(project.releases_dir.glob("*.zip"))]:
        if path.is_file():
            digest.update(str(path.name).encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def datasette_kwargs(served: Served) -> dict:
    """Arguments for datasette.app.Datasette: immutable file, no writable database."""
    return {
        "static_mounts": [(SITE_MOUNT, str(served.site))] if served.site else [],
        "immutables": [str(served.database)],
        "metadata": json.loads(served.metadata.read_text(encoding="utf-8")),
        "settings": dict(SETTINGS),
        "plugins_dir": str(PLUGINS_DIR),
        "template_dir": str(TEMPLATE_DIR),
    }


def serve(served: Served, host: str, port: int) -> None:
    import asyncio

    import rich
    import uvicorn
    from datasette.app import Datasette

    # Datasette prints a ~240-line rich traceback with local variables (request data
    # included) for every handled error, even a 400; keep the server log readable.
    # Unexpected errors (500) still print a plain traceback.
    rich.reconfigure(quiet=True)
    check_port(host, port)   # before saying "Serving … at"
    ds = Datasette(**datasette_kwargs(served))
    asyncio.run(ds.invoke_startup())
    print(f"Serving {served.database.name} read-only at http://{host}:{port}/ "
          "(Ctrl-C to stop)", flush=True)
    # No access log: it would record every query string.
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", access_log=False,
                lifespan="on", workers=1)


def check_port(host: str, port: int) -> None:
    """Refuse a port that cannot be listened on (busy, privileged), as uvicorn binds it."""
    import socket

    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except socket.gaierror as exc:
            raise BuildError(f"--host {host}: not an address to listen on ({exc.strerror}); "
                             "give one of this machine's, e.g. --host 127.0.0.1") from None
        except OSError as exc:
            raise BuildError(f"{host}:{port}: cannot listen there ({exc.strerror}); pick "
                             "another port with --port") from None
