"""Words and number formats shared by the pages, the CLI and the exports.

A leaf: nothing here imports any other package of the project (tests/test_architecture.py checks it).
"""
