"""Participant sort keys in Vietnamese alphabetical order (d < đ, a < ă < â, tones after letters).

The first schema sorted on folded text, which put "Đức" among the d's. Recomputes every stored key.
"""


def apply(conn) -> None:
    # Uses the current key function on purpose: the key is derived data and must match what the app writes.
    from desktop_app.core.register.participants import sort_key

    rows = conn.execute("SELECT id, name FROM participant").fetchall()
    conn.executemany("UPDATE participant SET sort_key = ? WHERE id = ?", [(sort_key(name), pid) for pid, name in rows])
