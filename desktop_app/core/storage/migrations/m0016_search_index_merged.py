"""The full-text indexes in one piece (issue 9): FTS5's 'optimize' merges each index's segments into one.

FTS5 writes an index as segments (b-trees) and merges them only now and then, so a register filled by a migration
or an import is read, on every keystroke, from a dozen segments or more: migration 0015 left the 100,000-participant
bench's index in 22. A prefix's list of participants is then the merge of one list per segment. Merged into one
segment, counting the matches of a search (the first thing every keystroke does) took about half the time on that
register (`ha t` 7.2 → 4.5 ms, `thon na lang` 14 → 7 ms), reading them for a page likewise; a commune's few thousand
people: a few milliseconds for the migration. The import of many participants merges again
(participants.insert_participants); saving one at a time adds a segment each time, which FTS5 merges in its own
cycle, and the window merges an index left scattered a few seconds after start (participants.merge_search_indexes).

PostgreSQL (the receiving level): its participant_fts and achievement_fts are plain tables (searched with plain
SQL), not FTS5: nothing to do there. This file is frozen: a later change is a new migration.
"""


def apply(conn) -> None:
    if getattr(conn, "engine", "sqlite") == "postgresql":
        return
    for table in ("participant_fts", "achievement_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
