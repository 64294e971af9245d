"""The product's rules and storage. Never imports PySide6 (tests/core/test_no_qt.py proves it)."""
