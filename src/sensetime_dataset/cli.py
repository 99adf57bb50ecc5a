"""The command line: `sensetime-dataset build | validate | dictionary | sqlite | serve`."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import typer

from .errors import BuildError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build, validate and serve the SenseTime corporate-history dataset.")

ROOT = typer.Option(Path("."), "--root", help="The project checkout to work in.")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def _fail(exc: BuildError) -> None:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


@app.command()
def build(root: Path = ROOT, verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    """Build data/ and datapackage.json from sources/ and curation/.

    A failed build leaves the published package untouched."""
    from .pipeline.build import build as run_build
    from .reports.coverage import render_summary

    _setup_logging(verbose)
    started = time.perf_counter()
    try:
        result = run_build(root)
    except BuildError as exc:
        _fail(exc)
    seconds = time.perf_counter() - started
    for table, count in sorted(result.counts.items()):
        typer.echo(f"  {table:<14} {count:>5} rows")
    typer.echo(f"values: {result.readings}")
    typer.echo(f"built and validated {result.descriptor} in {seconds:.1f} s")
    typer.echo(f"{render_summary(result.coverage)}\n  full report: {result.coverage_report}")


@app.command()
def validate(path: str = typer.Argument(".", help="A package: a directory, its "
                                        "datapackage.json or a .zip archive."),
             verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    """Validate a package (frictionless + cross-table rules)."""
    from .published.location import open_package
    from .published.validate import validate_package

    _setup_logging(verbose)
    try:
        with open_package(path) as pkg:
            validate_package(pkg)
    except BuildError as exc:
        _fail(exc)
    typer.echo(f"{path}: valid")


@app.command()
def dictionary(root: Path = ROOT,
               check: bool = typer.Option(False, "--check",
                                          help="Fail if README.md is out of date.")) -> None:
    """Write the data dictionary in README.md from schemas/."""
    from .checkout import Project
    from .pipeline.build import load_schemas
    from .pipeline.publish import package_metadata
    from .reports.dictionary import update_readme

    project = Project(root)
    readme = project.root / "README.md"
    try:
        schemas = load_schemas(project, package_metadata(project))
    except BuildError as exc:
        _fail(exc)
    if check:
        if update_readme(readme, schemas, write=False):
            typer.secho("README.md: data dictionary is out of date; run "
                        "`sensetime-dataset dictionary`", fg=typer.colors.RED, err=True)
            raise typer.Exit(1)
        typer.echo("README.md: data dictionary is up to date")
        return
    changed = update_readme(readme, schemas)
    typer.echo("README.md: data dictionary " + ("updated" if changed else "already up to date"))


@app.command()
def coverage(root: Path = ROOT) -> None:
    """Report how much of each source the published package quotes (build/coverage.md)."""
    from .checkout import Project
    from .published.reader import PublishedPackage
    from .reports.coverage import compute, render_summary, tables_from_package, write_report

    project = Project(root)
    try:
        cov = compute(tables_from_package(PublishedPackage(project.root)))
    except BuildError as exc:
        _fail(exc)
    report = project.build_dir / "coverage.md"
    write_report(cov, report)
    typer.echo(f"{render_summary(cov)}\n  full report: {report}")


@app.command()
def sqlite(root: Path = ROOT) -> None:
    """Build build/<package>.db (for Datasette) and its metadata from the published package."""
    try:
        served = _prepare_serving(root)
    except BuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {served.database} and {served.metadata}")


def _prepare_serving(root: Path):
    """The SQLite file and metadata to serve, building the package first if the checkout
    has none (the command line is the one place that joins the pipeline and serving)."""
    from .checkout import Project
    from .serve.app import prepare

    project = Project(root.resolve())
    if not project.descriptor.is_file():
        from .pipeline.build import build as run_build

        run_build(project.root)
    return prepare(project)


@app.command()
def serve(root: Path = ROOT,
          port: int = typer.Option(8001, "--port", "-p", help="Port to listen on."),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on.")) -> None:
    """Serve the package read-only with Datasette, building whatever is missing first."""
    from .serve.app import serve as run_server

    try:
        served = _prepare_serving(root)
    except BuildError as exc:
        _fail(exc)
    run_server(served, host, port)


@app.command()
def diff(old: str = typer.Argument(..., help="The older package: a directory or a .zip."),
         new: str = typer.Argument(..., help="The newer package: a directory or a .zip."),
         as_json: bool = typer.Option(False, "--json", help="Print the diff as JSON.")) -> None:
    """Compare two package versions: tables, columns, types, keys and rows by key."""
    import json

    from .release.diff import diff_locations, render

    try:
        result = diff_locations(old, new)
    except BuildError as exc:
        _fail(exc)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        typer.echo(render(result), nl=False)


@app.command()
def release(version: str = typer.Argument(None, help="The new version; by default the "
                                          "smallest one the changes allow."),
            root: Path = ROOT,
            date: str = typer.Option(None, "--date", help="Release date YYYY-MM-DD "
                                     "(default: today, UTC); becomes `created`."),
            verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    """Cut a release: check the version against the diff since the last release, set it
    in package.yaml, rebuild, write the CHANGELOG entry and the archive."""
    from .release.cut import release as run_release
    from .release.diff import render

    _setup_logging(verbose)
    try:
        result = run_release(root, version, date)
    except BuildError as exc:
        _fail(exc)
    if result.diff is not None:
        typer.echo(render(result.diff), nl=False)
    else:
        typer.echo("first release: nothing to diff against")
    typer.echo(f"release {result.version}"
               + (f" (previous: {result.previous})" if result.previous else ""))
    typer.echo("CHANGELOG.md: " + ("entry written" if result.changelog_written
                                   else f"already has an entry for {result.version}, kept"))
    typer.echo(f"archive: {result.archive}")
    typer.echo(f"kept as: {result.kept} (commit it with package.yaml, CHANGELOG.md, data/ "
               "and datapackage.json)")
    for line in result.checked:
        typer.echo(f"  verified: {line}")


@app.command()
def verify(path: str = typer.Argument(..., help="A downloaded package directory or .zip."),
           verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    """Check every file of a downloaded package against its descriptor and SHA256SUMS,
    then validate it."""
    from .release.archive import verify as run_verify

    _setup_logging(verbose)
    try:
        checked = run_verify(path)
    except BuildError as exc:
        _fail(exc)
    for line in checked:
        typer.echo(f"  {line}")
    typer.echo(f"{path}: verified")


if __name__ == "__main__":
    app()
