"""Serving: the published package in a SQLite file (`database`), Datasette metadata
generated from its schemas (`metadata`), the read-only Datasette app (`app`), its
plugin (`plugins/`) and templates (`templates/`). Reads packages through `published`."""
