"""The read side: everything that reads a published package goes through here.

- `location`: open a package wherever it is (directory, datapackage.json, .zip, URL);
- `reader`: `PublishedPackage`, the descriptor read once, tables in both formats, the
  one Parquet hash check;
- `schema`: the Table Schemas and the properties of ours they carry (which columns are
  partial dates, money, qualifiers, full text ...);
- `validate`: is a package valid (frictionless, then the rules Table Schema cannot say);
- `load`: the public one-line loading API.

The build pipeline writes packages and depends on this part; serving, releasing and
the reports read packages through it and never import the pipeline.
"""
