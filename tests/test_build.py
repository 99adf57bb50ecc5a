"""Build the package end to end in a copy of the repository."""

from __future__ import annotations

import json

from conftest import REPO, run_cli, tree_digest


def test_build_in_a_copy_reproduces_the_committed_package(repo_copy):
    result = run_cli("build", "--root", str(repo_copy))
    assert result.returncode == 0, result.stderr
    assert "built and validated" in result.stdout
    # The committed package is exactly what the build makes from the committed inputs.
    assert tree_digest(repo_copy) == tree_digest(REPO)


def test_two_builds_are_byte_identical(repo_copy):
    assert run_cli("build", "--root", str(repo_copy)).returncode == 0
    first = tree_digest(repo_copy)
    assert run_cli("build", "--root", str(repo_copy)).returncode == 0
    assert tree_digest(repo_copy) == first


def test_build_leaves_no_staging_directory_behind(repo_copy):
    assert run_cli("build", "--root", str(repo_copy)).returncode == 0
    assert not [p.name for p in repo_copy.iterdir() if p.name.startswith(".build-")]


def test_descriptor_describes_both_formats_with_sizes_and_hashes():
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "description", "version", "created", "licenses",
                "sources", "contributors", "keywords"):
        assert descriptor[key], key
    by_path = {r["path"]: r for r in descriptor["resources"]}
    for table in ("organizations", "rounds", "investors", "partners", "sanctions",
                  "events", "sources", "evidence", "claims"):
        csv, parquet = by_path[f"data/{table}.csv"], by_path[f"data/{table}.parquet"]
        assert csv["bytes"] == (REPO / csv["path"]).stat().st_size
        assert csv["hash"].startswith("sha256:") and parquet["hash"].startswith("sha256:")
        assert csv["mediatype"] == "text/csv" and csv["encoding"] == "utf-8"
        assert parquet["format"] == "parquet"
        # Every column of every table is described.
        assert all(f.get("description") for f in csv["schema"]["fields"])


def test_build_writes_the_normalized_texts_for_curators(repo_copy):
    assert run_cli("build", "--root", str(repo_copy)).returncode == 0
    text = (repo_copy / "build" / "normalized" / "pr-2017-07-11-series-b.txt").read_text()
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
    result = run_cli("build", "--root", str(repo_copy))
    assert result.returncode == 0, result.stderr
    assert tree_digest(repo_copy) == tree_digest(REPO)
