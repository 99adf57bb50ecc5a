"""The one exception the pipeline raises for bad input."""


class BuildError(Exception):
    """Bad input: the message names the file, the record and what to do.

    The command line prints it without a traceback and exits non-zero.
    """
