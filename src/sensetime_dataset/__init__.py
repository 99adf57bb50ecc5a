"""SenseTime corporate history: a sourced, versioned Frictionless data package.

    import sensetime_dataset
    rounds = sensetime_dataset.load("rounds")          # pandas, pyarrow-backed types
    table = sensetime_dataset.load_arrow("rounds")     # pyarrow.Table
    pkg = sensetime_dataset.package()                  # frictionless.Package
"""

__all__ = ["load", "load_arrow", "package"]


def __getattr__(name: str):
    # Lazy, so that `import sensetime_dataset` (and the command line) stays cheap.
    if name in __all__:
        from .published import load

        return getattr(load, name)
    raise AttributeError(f"module 'sensetime_dataset' has no attribute {name!r}")
