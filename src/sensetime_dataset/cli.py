"""The command line: `sensetime-dataset build | validate | verify | diff | release |
coverage | dictionary | sqlite | serve`.

Every command that reads a package takes the same locations (a directory, its
datapackage.json, a .zip, or the URL of either) through `published/location.py`."""

from __future__ import annotations

import contextlib
import logging
import time
from pathlib import Path

import typer

from .errors import BuildError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build, validate and serve the SenseTime corporate-history dataset.")

ROOT = typer.Option(Path("."), "--root", help="The project checkout to work in.")
LOCATION_HELP = ("A package: a directory, its datapackage.json, a .zip archive, or the "
                 "http(s) URL of either.")


def _version(value: bool) -> None:
    """The distribution's version is the data version: print the version of the package
    `load()` reads (in an editable install, the checkout's, which a release may have
    moved past the installed metadata)."""
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from .published.load import installed_location
        from .published.reader import PublishedPackage

        try:
            typer.echo(f"sensetime-dataset {PublishedPackage(installed_location()).version}")
        except BuildError:
            try:
                typer.echo(f"sensetime-dataset {version('sensetime-dataset')}")
            except PackageNotFoundError:   # run from a source tree that is not installed
                typer.echo("sensetime-dataset (not installed)")
        raise typer.Exit()


@app.callback()
def main(show_version: bool = typer.Option(False, "--version", callback=_version,
                                           is_eager=True,
                                           help="Print the version and exit.")) -> None:
    """Build, validate and serve the SenseTime corporate-history dataset."""


def _checkout(root: Path):
    """The checkout at `root`, refused with a clear message if there is none, with an
    interrupted publish finished first (the next start after a crash)."""
    from .checkout import Project
    from .pipeline import journal

    project = Project(root.resolve())
    if not project.root.is_dir():
        raise BuildError(f"{root}: no such directory; pass --root with a checkout of the "
                         "dataset (the folder holding package.yaml)")
    if not project.package_metadata.is_file():
        raise BuildError(f"{root}: no checkout of the dataset here (no package.yaml); pass "
                         "--root with the folder holding package.yaml, sources/ and curation/")
    with journal.exclusive(project.root):
        pass
    return project


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


@contextlib.contextmanager
def _needs(extra: str):
    """A missing optional dependency is an install step to take, not a traceback."""
    try:
        yield
    except ModuleNotFoundError as exc:
        raise BuildError(f"this command needs {exc.name}, installed with the '{extra}' "
                         f"extra: pip install 'sensetime-dataset[{extra}]' (in a checkout: "
                         f"make {extra})") from None


def _fail(exc: BuildError) -> None:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


@app.command()
def build(root: Path = ROOT, verbose: bool = typer.Option(False, "--verbose", "-v"),
          force: bool = typer.Option(False, "--force", help="Build even if nothing changed.")
          ) -> None:
    """Build data/ and datapackage.json from sources/ and curation/.

    A failed build leaves the published package untouched. When neither the inputs, the
    code nor the published files changed since the last build, nothing is rebuilt."""
    from .pipeline import stamp

    _setup_logging(verbose)
    started = time.perf_counter()
    try:
        project = _checkout(root)   # finishes a publish a crash interrupted, first
    except BuildError as exc:
        _fail(exc)
    last = None if force else stamp.up_to_date(project)
    if last is not None:
        typer.echo(f"{project.descriptor} is up to date (inputs, code and published files "
                   f"unchanged since the last build; --force rebuilds) "
                   f"[{time.perf_counter() - started:.2f} s]")
        return

    from .pipeline.build import build as run_build
    from .reports.coverage import render_summary

    try:
        with _needs("build"):
            result = run_build(project.root)
    except BuildError as exc:
        _fail(exc)
    seconds = time.perf_counter() - started
    for table, count in sorted(result.counts.items()):
        typer.echo(f"  {table:<14} {count:>5} rows")
    typer.echo(f"values: {result.readings}")
    typer.echo(f"built and validated {result.descriptor} in {seconds:.1f} s")
    typer.echo(f"{render_summary(result.coverage)}\n  full report: {result.coverage_report}")


@app.command()
def validate(path: str = typer.Argument(".", help=LOCATION_HELP),
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
    from .pipeline.build import load_schemas
    from .pipeline.publish import package_metadata
    from .reports.dictionary import update_readme

    readme = Path(root) / "README.md"
    try:
        project = _checkout(root)
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
    from .published.reader import PublishedPackage
    from .reports.coverage import compute, render_summary, tables_from_package, write_report

    try:
        project = _checkout(root)
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
        with _needs("serve"):
            served = _prepare_serving(root)
    except BuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {served.database} and {served.metadata}")


def _prepare_serving(root: Path):
    """The SQLite file and metadata to serve, building the package first if the checkout
    has none (the command line is the one place that joins the pipeline and serving)."""
    from .serve.app import prepare

    project = _checkout(root)
    if not project.descriptor.is_file():
        from .pipeline.build import build as run_build

        run_build(project.root)
    return prepare(project)


@app.command()
def serve(root: Path = ROOT,
          port: int = typer.Option(8001, "--port", "-p", min=1, max=65535,
                                    help="Port to listen on."),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on.")) -> None:
    """Serve the package read-only with Datasette, building whatever is missing first."""
    try:
        with _needs("serve"):
            from .serve.app import serve as run_server

            served = _prepare_serving(root)
            run_server(served, host, port)
    except BuildError as exc:
        _fail(exc)


@app.command()
def diff(old: str = typer.Argument(..., help="The older package. " + LOCATION_HELP),
         new: str = typer.Argument(..., help="The newer package. " + LOCATION_HELP),
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
    from .pipeline.build import Build
    from .release.cut import release as run_release
    from .release.diff import render

    _setup_logging(verbose)
    try:
        with _needs("build"):
            result = run_release(_checkout(root).root, Build, version, date)
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
def verify(path: str = typer.Argument(..., help="A downloaded package. " + LOCATION_HELP),
           sha256: str = typer.Option(None, "--sha256", help="The sha256 published with the "
                                      "release: the archive must have it."),
           root: Path = typer.Option(Path("."), "--root", help="A checkout whose releases/ "
                                     "holds the published archives to compare with."),
           verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    """Check every file of a downloaded package against its descriptor and SHA256SUMS,
    compare it with the published release where that is known, then validate it."""
    from .release.archive import verify as run_verify

    _setup_logging(verbose)
    try:
        checked = run_verify(path, sha256, root / "releases")
    except BuildError as exc:
        _fail(exc)
    for line in checked:
        typer.echo(f"  {line}")
    typer.echo(f"{path}: verified")



def _anchor_option(value: str | None) -> str | None:
    from .extract import check_anchor

    try:
        return check_anchor(value) if value is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def extract(path: Path = typer.Argument(..., help="A plain-text UTF-8 document."),
            json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
            into: Path = typer.Option(None, "--into", help="Write the proposals into this "
                                      "curation/ folder, marked unreviewed."),
            anchor: str = typer.Option(None, "--anchor", help="ISO date for relative dates "
                                       "when the document has no dateline.",
                                       callback=_anchor_option)) -> None:
    """Propose quoted records (rounds, investors, partners, sanctions, events) from a
    document, for a person to review."""
    from .extract.command import InputError, as_json, propose, render_table

    try:
        text, proposals = propose(path, anchor)
        if into is not None:
            from .extract.review import write_proposals

            typer.echo(write_proposals(into, path))
            return
    except (InputError, BuildError) as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1)
    if json_out:
        typer.echo(as_json(proposals))
    else:
        render_table(proposals)


if __name__ == "__main__":
    app()
