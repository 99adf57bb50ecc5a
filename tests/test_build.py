"""Build the package end to end in a copy of the repository."""

from __future__ import annotations

import json

from conftest import REPO, TABLES, run_cli, tree_digest


def test_build_in_a_copy_reproduces_the_committed_package(built_copy):
    root, result = built_copy
    assert "built and validated" in result.stdout
    # The committed package is exactly what the build makes from the committed inputs.
    assert tree_digest(root) == tree_digest(REPO)


def test_build_leaves_no_staging_directory_behind(built_copy):
    root, _ = built_copy
    assert not [p.name for p in root.iterdir() if p.name.startswith(".build-")]


def test_a_rebuild_with_nothing_changed_is_skipped_and_a_change_is_not(repo_copy):
    from sensetime_dataset.pipeline.build import build

    build(repo_copy)   # in process: this test is about the command's decision
    first = tree_digest(repo_copy)
    again = run_cli("build", "--root", str(repo_copy))
    assert again.returncode == 0 and "is up to date" in again.stdout
    # A forced build of the same input writes the same bytes.
    forced = run_cli("build", "--force", "--root", str(repo_copy))
    assert forced.returncode == 0 and "built and validated" in forced.stdout
    assert tree_digest(repo_copy) == first
    # A published file changed by hand is not "up to date": the build restores it.
    (repo_copy / "data" / "rounds.csv").write_text("tampered\n")
    restored = run_cli("build", "--root", str(repo_copy))
    assert "built and validated" in restored.stdout
    assert tree_digest(repo_copy) == first
    # An edited input is rebuilt too (a comment changes no published byte).
    with (repo_copy / "curation" / "rounds.yaml").open("a", encoding="utf-8") as fh:
        fh.write("# reviewed again\n")
    assert "built and validated" in run_cli("build", "--root", str(repo_copy)).stdout


def test_descriptor_describes_both_formats_with_sizes_and_hashes():
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "description", "version", "created", "licenses",
                "sources", "contributors", "keywords"):
        assert descriptor[key], key
    by_path = {r["path"]: r for r in descriptor["resources"]}
    for table in TABLES:
        csv, parquet = by_path[f"data/{table}.csv"], by_path[f"data/{table}.parquet"]
        assert csv["bytes"] == (REPO / csv["path"]).stat().st_size
        assert csv["hash"].startswith("sha256:") and parquet["hash"].startswith("sha256:")
        assert csv["mediatype"] == "text/csv" and csv["encoding"] == "utf-8"
        assert parquet["format"] == "parquet"
        # Every column of every table is described.
        assert all(f.get("description") for f in csv["schema"]["fields"])


def test_build_writes_the_normalized_texts_for_curators(built_copy):
    root, _ = built_copy
    text = (root / "build" / "normalized" / "pr-2017-07-11-series-b.txt").read_text()
    # The GBK-read-as-Big5 damage is repaired: ’ “ ” – instead of ＊ ※ § 每.
    assert "China’s largest AI unicorn" in text
    assert "Beijing, China – July 11, 2017 – SenseTime" in text
    assert not set("＊※§每〞") & set(text)


def test_readme_data_dictionary_matches_the_schemas():
    result = run_cli("dictionary", "--check", "--root", str(REPO))
    assert result.returncode == 0, result.stderr


def test_reordering_the_curation_changes_no_published_byte(repo_copy):
    """Evidence and claim ids come from what is quoted and where, not from positions."""
    import yaml

    for path in (repo_copy / "curation").glob("*.yaml"):
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name in ("organizations.yaml", "preference.yaml") or not entries:
            continue
        for entry in entries:
            entry["claims"].reverse()
        entries.reverse()
        path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    from sensetime_dataset.pipeline.build import build

    build(repo_copy)   # in process: the command line is tested above
    assert tree_digest(repo_copy) == tree_digest(REPO)
