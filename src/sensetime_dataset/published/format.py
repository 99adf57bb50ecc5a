"""The published format: file names and conventions shared by the writer (the pipeline's
publish stage) and every reader, so that readers never import the writer."""

from __future__ import annotations

import hashlib

DESCRIPTOR = "datapackage.json"
# Each table is published twice: resource `<table>` (CSV) and `<table>_parquet`.
PARQUET_SUFFIX = "_parquet"
FORMATS = ("csv", "parquet")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def table_of(resource: dict) -> str:
    """The table a resource holds (both formats of a table share one name)."""
    return resource["name"].removesuffix(PARQUET_SUFFIX) \
        if resource.get("format") == "parquet" else resource["name"]
