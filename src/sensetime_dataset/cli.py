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
    from .build import build as run_build
    from .coverage import render_summary

    _setup_logging(verbose)
    started = time.perf_counter()
    try:
        result = run_build(root)
    except BuildError as exc:
        _fail(exc)
    seconds = time.perf_counter() - started
    for table, count in sorted(result.counts.items()):
        typer.echo(f"  {table:<14} {count:>5} rows")
    typer.echo(f"built and validated {result.descriptor} in {seconds:.1f} s")
    typer.echo(f"{render_summary(result.coverage)}\n  full report: {result.coverage_report}")


@app.command()
def validate(path: Path = typer.Argument(Path("."), help="A package directory."),
             verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    """Validate a package directory (frictionless + cross-table rules)."""
    from .validate import validate_package

    _setup_logging(verbose)
    try:
        validate_package(path)
    except BuildError as exc:
        _fail(exc)
    typer.echo(f"{path / 'datapackage.json'}: valid")


@app.command()
def dictionary(root: Path = ROOT,
               check: bool = typer.Option(False, "--check",
                                          help="Fail if README.md is out of date.")) -> None:
    """Write the data dictionary in README.md from schemas/."""
    from .dictionary import update_readme
    from .project import Project
    from .schemas import Schemas

    project = Project(root)
    readme = project.root / "README.md"
    if check:
        if update_readme(readme, Schemas.load(project), write=False):
            typer.secho("README.md: data dictionary is out of date; run "
                        "`sensetime-dataset dictionary`", fg=typer.colors.RED, err=True)
            raise typer.Exit(1)
        typer.echo("README.md: data dictionary is up to date")
        return
    changed = update_readme(readme, Schemas.load(project))
    typer.echo("README.md: data dictionary " + ("updated" if changed else "already up to date"))


@app.command()
def coverage(root: Path = ROOT) -> None:
    """Report how much of each source the published package quotes (build/coverage.md)."""
    from .coverage import compute, render_summary, tables_from_package, write_report
    from .project import Project

    project = Project(root)
    try:
        cov = compute(tables_from_package(project.root))
    except BuildError as exc:
        _fail(exc)
    report = project.build_dir / "coverage.md"
    write_report(cov, report)
    typer.echo(f"{render_summary(cov)}\n  full report: {report}")


@app.command()
def sqlite(root: Path = ROOT) -> None:
    """Build build/<package>.db (for Datasette) and its metadata from the published package."""
    from .project import Project
    from .serve import prepare

    try:
        served = prepare(Project(root.resolve()))
    except BuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {served.database} and {served.metadata}")


@app.command()
def serve(root: Path = ROOT,
          port: int = typer.Option(8001, "--port", "-p", help="Port to listen on."),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on.")) -> None:
    """Serve the package read-only with Datasette, building whatever is missing first."""
    from .project import Project
    from .serve import prepare, serve as run_server

    try:
        served = prepare(Project(root.resolve()))
    except BuildError as exc:
        _fail(exc)
    run_server(served, host, port)


if __name__ == "__main__":
    app()
