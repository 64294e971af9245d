"""Search as you type on common words (issue 9): the register's full-text index also keeps the prefixes of 4 and
5 letters, as it kept those of 1, 2 and 3; a narrow index walks the register in name order.

A search is a prefix per word ("thon na l" → thon* na* l*). A prefix longer than the index's prefixes made FTS5
merge, on every keystroke, the lists of every word that starts with it: "thon" is in nearly every address (thôn,
thông…), so deciding whether "thon na lang" is a selective search took 19 ms of the 100,000-participant bench,
"dich vu cong truc tuye" 28 ms. With prefixes of 4 and 5 letters kept: 1.8 and 2.4 ms. The index grows by about a
quarter (47 → 59 MB on that register; a commune's few thousand people: under a megabyte).

The index is rebuilt from the search documents the participants already carry (`participant.search_text`).
PostgreSQL (the receiving level) has no full-text table (it searches with plain SQL): only the narrow index there.

`participant_order` (commune, archived, sort key: a few dozen bytes an entry) lets a search of a few thousand
matches walk the register in name order keeping the matches, and read only the rows of its page: `nguyen v`
(3,318 matches) 14 → 5 ms. The wide `participant_scan` (with the search documents) stays for common words.
This file is frozen: a later change is a new migration.
"""


STEPS = ["CREATE INDEX participant_order ON participant(commune_id, archived_at, sort_key)"]


def apply(conn) -> None:
    if getattr(conn, "engine", "sqlite") == "postgresql":
        return
    conn.execute("DROP TABLE participant_fts")
    conn.execute("CREATE VIRTUAL TABLE participant_fts USING fts5(search_text, prefix='1 2 3 4 5')")
    conn.execute("INSERT INTO participant_fts(rowid, search_text) SELECT id, search_text FROM participant")
