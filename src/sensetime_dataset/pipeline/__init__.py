"""The build pipeline: from the raw sources and the curation to a published package.

One module per stage, data flowing one way:

    sources     read the manifest, verify every raw file's sha256
    normalize   apply the declared repairs, split files into documents
    claims      load curation/<table>.yaml, locate every quote in its document
    resolve     map organization names to the registry's ids
    tables      project claims into rows; choose among disagreeing sources (conflicts)
    publish     write CSV, Parquet and datapackage.json into a staging directory
    (validate)  the read side's validation of the staged package (published.validate)
    publish     swap the staged package into place

`build` runs them in that order. The pipeline writes packages; nothing outside it
imports it except the command line.
"""
