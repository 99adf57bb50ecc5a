"""Releasing: the row-level diff between two package versions (`diff`), the version
rules (`versioning`), CHANGELOG entries (`changelog`), reproducible archives and their
verification (`archive`), and cutting a release (`cut`). Reads packages through
`published`; the command line hands it the build."""
