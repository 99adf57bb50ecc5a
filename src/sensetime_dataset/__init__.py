"""SenseTime corporate history: a sourced, versioned Frictionless data package."""
