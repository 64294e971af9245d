"""Participant sort keys in Vietnamese alphabetical order (d < đ, a < ă < â, tones after letters).

The first schema sorted on folded text, which put "Đức" among the d's. Recomputes every stored key.
"""
# The current key function on purpose: the key is derived data and must match what the app writes.
from ...text import name_sort_key


def apply(conn) -> None:
    rows = conn.execute("SELECT id, name FROM participant").fetchall()
    conn.executemany("UPDATE participant SET sort_key = ? WHERE id = ?",
                     [(name_sort_key(name), pid) for pid, name in rows])
