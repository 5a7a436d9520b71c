"""The interactive terminal UI: `make_app(corpus_dir)` builds it for the CLI and the tests.

Nothing here is imported by the core; the CLI imports it only inside `chat`.
"""
