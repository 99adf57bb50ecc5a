"""The static files of the front page, in build/site/ (served at /-/site/): the chart,
drawn by the same declaration as the README's; the release archive of this version and
the CHANGELOG, where the checkout has them; the site's stylesheet."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..checkout import Project
from ..published.reader import PublishedPackage
from ..reports.chart import CHARTS, draw

SITE_MOUNT = "-/site"
STYLESHEET = Path(__file__).resolve().parent / "static" / "site.css"


def build_site(pkg: PublishedPackage, project: Project, folder: Path) -> dict:
    """Write the files into `folder` and return their URL paths by name (for the
    metadata); what the checkout lacks is left out."""
    folder.mkdir(parents=True, exist_ok=True)
    url = f"/{SITE_MOUNT}/"
    links = {"stylesheet": _copy(STYLESHEET, folder, url)}
    chart = next((c for c in CHARTS if c.table in pkg.tables), None)
    if chart is not None:
        svg = draw(chart, pkg.schemas.tables[chart.table], pkg.rows(chart.table),
                   folder / f"{chart.name}.svg")
        links.update(chart=url + svg.name, chart_title=chart.title)
    d = pkg.descriptor
    archive = project.releases_dir / f"{d['name']}-{d['version']}.zip"
    if archive.is_file():
        links["archive"] = _copy(archive, folder, url)
    changelog = project.root / "CHANGELOG.md"
    if changelog.is_file():
        links["changelog"] = _copy(changelog, folder, url)
    return links


def _copy(path: Path, folder: Path, url: str) -> str:
    target = folder / path.name
    if not target.is_file() or target.read_bytes() != path.read_bytes():
        shutil.copyfile(path, target)
    return url + path.name
