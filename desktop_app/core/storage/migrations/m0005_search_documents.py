"""Search as you type over 100,000 participants: one search document per participant (its fields and its
active achievements, as folded tokens), and an index that walks the register in name order."""
# Derived data, rebuilt with the app's own folding so stored documents match what the app writes.
from ...text import tokens

STEPS = [
    # Covering index: a search on common words walks it in name order without touching the table rows.
    "CREATE INDEX participant_scan ON participant(commune_id, archived_at, sort_key, id, kind, search_text)",
]


def apply(conn) -> None:
    achievements: dict[int, list[str]] = {}
    for pid, title, description, results in conn.execute(
            "SELECT participant_id, title, description, results FROM achievement WHERE archived_at IS NULL"):
        achievements.setdefault(pid, []).extend((title, description, results))
    updates = []
    for row in conn.execute("SELECT id, name, position, workplace, address, head_name, cccd, phone FROM participant"):
        pid, *fields = row
        words = tokens(" ".join(x for x in fields + achievements.get(pid, []) if x))
        updates.append((" " + " ".join(words) + " ", pid))
    conn.executemany("UPDATE participant SET search_text = ? WHERE id = ?", updates)
    conn.execute("DELETE FROM participant_fts")
    conn.execute("INSERT INTO participant_fts(rowid, search_text) SELECT id, search_text FROM participant")
