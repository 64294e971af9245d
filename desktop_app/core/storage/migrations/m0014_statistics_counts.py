"""The movement's statistics counted ahead (issue 15): the statistics screen reads small tables kept up to date by
SQLite triggers in the same transaction as the records they count, instead of scanning every achievement.

- achievement_count: live achievements (the achievement and its participant not archived) per commune, campaign,
  year (the year its period ends, or starts), unit (a collective is its own unit; an individual is in its thôn or
  đơn vị, `organization_id`, or in none: 0) and dimension — 'all' (code ''), each of its contents ('content') and
  priority fields ('field') — with the number n (a row whose n fell back to 0 stays; readers skip it);
- participant_activity: one row per participant and commune and campaign in which it takes part — a live
  achievement or a registration not withdrawn — with the years it does (`years`, a comma-separated list) and what
  the figures of the taking part need of the participant (kind, gender, member and female counts), so "who takes
  part in these years" is one narrow pass over at most one row per participant, without the achievements;
- registration_count: registrations not withdrawn per commune, campaign, year and aim (n), and how many of them an
  award of that aim in that year answers (reached);
- award_count: live awards of live participants per commune, year, category, code and type.

Triggers on achievement (insert, delete, update of what is counted), on registration, on award and on participant
(archived or not, its unit, kind, gender, member counts; delete) subtract what the old row counted and add what the
new one counts, in the statement's own transaction. The migration fills the four tables from the rows already there, so an upgraded
register shows the figures it showed before. A later migration that rebuilds achievement, registration or
participant (DROP TABLE drops its triggers) must create these triggers again.

PostgreSQL (the receiving level) gets the four tables, empty, and no triggers: its workspace has no commune of its
own (statistics.movement_statistics refuses to count there, and the screen is shown only in a commune's
workspace), and its officers' roles need no grant on them when importing. This file is frozen: a later change is a
new migration.
"""

_YEAR = "CAST(strftime('%Y', COALESCE({a}.date_to, {a}.date_from)) AS INTEGER)"
_UNIT = "COALESCE(CASE WHEN {p}.kind = 'collective' THEN {p}.id END, {p}.organization_id, 0)"


def _year(a: str) -> str:
    return _YEAR.format(a=a)


def _unit(p: str) -> str:
    return _UNIT.format(p=p)


def _json(column: str) -> str:
    # A cell that is not JSON counts no code (a damaged cell must never make a write fail).
    return f"json_each(CASE WHEN json_valid({column}) THEN {column} END)"


def _add_counts(rows: str) -> str:
    """Add to achievement_count what `rows` count: a SELECT of (c commune, k campaign, y year, u unit, s ±1,
    cc content codes, fc field codes), one row per achievement counted (s = -1: no longer counted)."""
    return f"""INSERT INTO achievement_count (commune_id, campaign_id, year, unit_id, dimension, code, n)
        SELECT c, k, y, u, d, code, SUM(s) FROM (
            SELECT x.c, x.k, x.y, x.u, 'all' AS d, '' AS code, x.s FROM ({rows}) AS x
            UNION ALL SELECT x.c, x.k, x.y, x.u, 'content', j.value, x.s FROM ({rows}) AS x, {_json('x.cc')} AS j
            UNION ALL SELECT x.c, x.k, x.y, x.u, 'field', j.value, x.s FROM ({rows}) AS x, {_json('x.fc')} AS j)
        WHERE y IS NOT NULL AND code IS NOT NULL
        GROUP BY c, k, y, u, d, code HAVING SUM(s) <> 0
        ON CONFLICT (commune_id, campaign_id, dimension, year, code, unit_id) DO UPDATE SET n = n + excluded.n"""


def _one_achievement(row: str, sign: int) -> str:
    """The achievement OLD or NEW, counted with `sign` when it and its participant are live."""
    return (f"SELECT {row}.commune_id AS c, {row}.campaign_id AS k, {_year(row)} AS y, {_unit('p')} AS u, "
            f"{sign} AS s, {row}.content_codes AS cc, {row}.field_codes AS fc FROM participant AS p "
            f"WHERE p.id = {row}.participant_id AND p.archived_at IS NULL AND {row}.archived_at IS NULL")


def _achievements_of(p: str, sign: int) -> str:
    """Every live achievement of the participant OLD or NEW, counted with `sign` when that participant is live."""
    return (f"SELECT a.commune_id AS c, a.campaign_id AS k, {_year('a')} AS y, {_unit(p)} AS u, {sign} AS s, "
            f"a.content_codes AS cc, a.field_codes AS fc FROM achievement AS a "
            f"WHERE a.participant_id = {p}.id AND a.archived_at IS NULL AND {p}.archived_at IS NULL")


_ALL_ACHIEVEMENTS = (f"SELECT a.commune_id AS c, a.campaign_id AS k, {_year('a')} AS y, {_unit('p')} AS u, 1 AS s, "
                     f"a.content_codes AS cc, a.field_codes AS fc FROM achievement AS a "
                     f"JOIN participant AS p ON p.id = a.participant_id "
                     f"WHERE a.archived_at IS NULL AND p.archived_at IS NULL")


def _activity_years(pid: str) -> str:
    """(c, k, pid, y): the years participant `pid` takes part in, per commune and campaign (`pid` NULL: everyone)."""
    one = "" if pid == "*" else f" AND a.participant_id = {pid}"
    reg = "" if pid == "*" else f" AND r.participant_id = {pid}"
    return (f"SELECT a.commune_id AS c, a.campaign_id AS k, a.participant_id AS pid, {_year('a')} AS y "
            f"FROM achievement AS a JOIN participant AS q ON q.id = a.participant_id "
            f"WHERE a.archived_at IS NULL AND q.archived_at IS NULL{one} "
            f"UNION SELECT r.commune_id, r.campaign_id, r.participant_id, r.year FROM registration AS r "
            f"WHERE r.archived_at IS NULL{reg} ORDER BY 1, 2, 3, 4")


def _fill_activity(pid: str, when: str = "") -> str:
    """The participant_activity rows of participant `pid` ('*': of everyone), from its achievements and
    registrations (the caller deleted the old ones); `when`: a further condition."""
    return f"""INSERT INTO participant_activity (commune_id, campaign_id, participant_id, years, kind, gender,
                                                member_count, female_count)
        SELECT t.c, t.k, t.pid, group_concat(t.y, ','), p.kind, p.gender, p.member_count, p.female_count
        FROM ({_activity_years(pid)}) AS t JOIN participant AS p ON p.id = t.pid
        WHERE t.y IS NOT NULL{f" AND {when}" if when else ""} GROUP BY t.c, t.k, t.pid"""


def _recount_activity(pid: str) -> str:
    return f"DELETE FROM participant_activity WHERE participant_id = {pid}; {_fill_activity(pid)};"


_REACHED = ("EXISTS (SELECT 1 FROM award AS w WHERE w.participant_id = {r}.participant_id AND w.code = {r}.aim_code "
            "AND w.year = {r}.year AND w.archived_at IS NULL)")


def _add_registrations(rows: str) -> str:
    """Add to registration_count what `rows` count: a SELECT of (c, k, y, cat, code, s: ±1 registration,
    hit: ±1 reached by an award, or 0), one row per registration."""
    return f"""INSERT INTO registration_count (commune_id, campaign_id, year, aim_category, aim_code, n, reached)
        SELECT c, k, y, cat, code, SUM(s), SUM(hit) FROM ({rows}) WHERE true
        GROUP BY c, k, y, cat, code HAVING SUM(s) <> 0 OR SUM(hit) <> 0
        ON CONFLICT (commune_id, campaign_id, year, aim_category, aim_code)
        DO UPDATE SET n = n + excluded.n, reached = reached + excluded.reached"""


def _one_registration(row: str, sign: int) -> str:
    return (f"SELECT {row}.commune_id AS c, {row}.campaign_id AS k, {row}.year AS y, {row}.aim_category AS cat, "
            f"{row}.aim_code AS code, {sign} AS s, {sign} * {_REACHED.format(r=row)} AS hit "
            f"WHERE {row}.archived_at IS NULL AND EXISTS (SELECT 1 FROM participant AS p WHERE p.id = {row}.participant_id)")


def _registrations_matching(w: str, sign: int) -> str:
    """The registrations the award OLD or NEW answers (same participant, aim and year), reached (`sign` 1) or no
    longer reached (-1): counted in `reached` only."""
    return (f"SELECT r.commune_id AS c, r.campaign_id AS k, r.year AS y, r.aim_category AS cat, r.aim_code AS code, "
            f"0 AS s, {sign} AS hit FROM registration AS r "
            f"WHERE r.participant_id = {w}.participant_id AND r.aim_code = {w}.code AND r.year = {w}.year "
            f"AND r.archived_at IS NULL AND EXISTS (SELECT 1 FROM participant AS p WHERE p.id = r.participant_id)")


def _live_awards_like(w: str) -> str:
    return (f"(SELECT COUNT(*) FROM award AS v WHERE v.participant_id = {w}.participant_id AND v.code = {w}.code "
            f"AND v.year = {w}.year AND v.archived_at IS NULL)")


def _add_awards(rows: str) -> str:
    """Add to award_count what `rows` count: a SELECT of (c, y, cat, code, t award type, s ±1)."""
    return f"""INSERT INTO award_count (commune_id, year, category, code, award_type, n)
        SELECT c, y, cat, code, t, SUM(s) FROM ({rows}) WHERE true GROUP BY c, y, cat, code, t HAVING SUM(s) <> 0
        ON CONFLICT (commune_id, year, category, code, award_type) DO UPDATE SET n = n + excluded.n"""


def _one_award(row: str, sign: int) -> str:
    return (f"SELECT {row}.commune_id AS c, {row}.year AS y, {row}.category AS cat, {row}.code AS code, "
            f"{row}.award_type AS t, {sign} AS s FROM participant AS p "
            f"WHERE p.id = {row}.participant_id AND p.archived_at IS NULL AND {row}.archived_at IS NULL")


def _awards_of(p: str, sign: int) -> str:
    return (f"SELECT w.commune_id AS c, w.year AS y, w.category AS cat, w.code AS code, w.award_type AS t, "
            f"{sign} AS s FROM award AS w WHERE w.participant_id = {p}.id AND w.archived_at IS NULL "
            f"AND {p}.archived_at IS NULL")


def _changed(*columns: str) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


_LIVE_CHANGED = "(OLD.archived_at IS NULL) IS NOT (NEW.archived_at IS NULL)"

# What makes an award answer a registration or stop answering it (its other columns change only award_count).
_AWARD_KEY_CHANGED = f"{_changed('participant_id', 'code', 'year')} OR {_LIVE_CHANGED}"

# The live registrations of a deleted participant (OLD: no longer in participant, so selected without it).
_registrations_of_deleted = (f"SELECT r.commune_id AS c, r.campaign_id AS k, r.year AS y, r.aim_category AS cat, "
                             f"r.aim_code AS code, -1 AS s, -{_REACHED.format(r='r')} AS hit FROM registration AS r "
                             f"WHERE r.participant_id = OLD.id AND r.archived_at IS NULL")

TABLES = [
    """CREATE TABLE achievement_count (
        id INTEGER PRIMARY KEY,
        commune_id INTEGER NOT NULL,
        campaign_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        unit_id INTEGER NOT NULL,
        dimension TEXT NOT NULL,
        code TEXT NOT NULL,
        n INTEGER NOT NULL
    )""",
    """CREATE UNIQUE INDEX achievement_count_key
       ON achievement_count(commune_id, campaign_id, dimension, year, code, unit_id)""",
    """CREATE TABLE participant_activity (
        id INTEGER PRIMARY KEY,
        commune_id INTEGER NOT NULL,
        campaign_id INTEGER NOT NULL,
        participant_id INTEGER NOT NULL,
        years TEXT NOT NULL,
        kind TEXT NOT NULL,
        gender TEXT NOT NULL,
        member_count INTEGER,
        female_count INTEGER
    )""",
    "CREATE UNIQUE INDEX participant_activity_key ON participant_activity(participant_id, commune_id, campaign_id)",
    # The figures read it grouped by years and kind: the whole pass stays in this index.
    """CREATE INDEX participant_activity_figures ON participant_activity(commune_id, campaign_id, years, kind, gender,
       member_count, female_count)""",
    """CREATE TABLE registration_count (
        id INTEGER PRIMARY KEY,
        commune_id INTEGER NOT NULL,
        campaign_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        aim_category TEXT NOT NULL,
        aim_code TEXT NOT NULL,
        n INTEGER NOT NULL,
        reached INTEGER NOT NULL
    )""",
    """CREATE UNIQUE INDEX registration_count_key
       ON registration_count(commune_id, campaign_id, year, aim_category, aim_code)""",
    """CREATE TABLE award_count (
        id INTEGER PRIMARY KEY,
        commune_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        category TEXT NOT NULL,
        code TEXT NOT NULL,
        award_type TEXT NOT NULL,
        n INTEGER NOT NULL
    )""",
    "CREATE UNIQUE INDEX award_count_key ON award_count(commune_id, year, category, code, award_type)",
]

SQLITE_STEPS = [
    _add_counts(_ALL_ACHIEVEMENTS),
    _fill_activity("*"),
    _add_registrations(f"SELECT r.commune_id AS c, r.campaign_id AS k, r.year AS y, r.aim_category AS cat, "
                       f"r.aim_code AS code, 1 AS s, {_REACHED.format(r='r')} AS hit FROM registration AS r "
                       f"JOIN participant AS p ON p.id = r.participant_id WHERE r.archived_at IS NULL"),
    _add_awards("SELECT w.commune_id AS c, w.year AS y, w.category AS cat, w.code AS code, w.award_type AS t, 1 AS s "
                "FROM award AS w JOIN participant AS p ON p.id = w.participant_id "
                "WHERE w.archived_at IS NULL AND p.archived_at IS NULL"),
    # achievements
    f"""CREATE TRIGGER achievement_count_insert AFTER INSERT ON achievement
        WHEN NEW.archived_at IS NULL AND {_year('NEW')} IS NOT NULL
        BEGIN {_add_counts(_one_achievement('NEW', 1))}; {_recount_activity('NEW.participant_id')} END""",
    f"""CREATE TRIGGER achievement_count_delete AFTER DELETE ON achievement
        WHEN OLD.archived_at IS NULL AND {_year('OLD')} IS NOT NULL
        BEGIN {_add_counts(_one_achievement('OLD', -1))}; {_recount_activity('OLD.participant_id')} END""",
    f"""CREATE TRIGGER achievement_count_update
        AFTER UPDATE OF participant_id, commune_id, campaign_id, content_codes, field_codes, date_from, date_to,
        archived_at ON achievement
        WHEN {_changed('participant_id', 'commune_id', 'campaign_id', 'content_codes', 'field_codes')}
          OR {_LIVE_CHANGED} OR {_year('OLD')} IS NOT {_year('NEW')}
        BEGIN {_add_counts(_one_achievement('OLD', -1) + ' UNION ALL ' + _one_achievement('NEW', 1))}; END""",
    f"""CREATE TRIGGER achievement_activity_update
        AFTER UPDATE OF participant_id, commune_id, campaign_id, date_from, date_to, archived_at ON achievement
        WHEN {_changed('participant_id', 'commune_id', 'campaign_id')} OR {_LIVE_CHANGED}
          OR {_year('OLD')} IS NOT {_year('NEW')}
        BEGIN {_recount_activity('OLD.participant_id')}
              DELETE FROM participant_activity WHERE participant_id = NEW.participant_id
                AND NEW.participant_id IS NOT OLD.participant_id;
              {_fill_activity('NEW.participant_id', 'NEW.participant_id IS NOT OLD.participant_id')}; END""",
    # registrations
    f"""CREATE TRIGGER registration_activity_insert AFTER INSERT ON registration WHEN NEW.archived_at IS NULL
        BEGIN {_add_registrations(_one_registration('NEW', 1))}; {_recount_activity('NEW.participant_id')} END""",
    f"""CREATE TRIGGER registration_activity_delete AFTER DELETE ON registration WHEN OLD.archived_at IS NULL
        BEGIN {_add_registrations(_one_registration('OLD', -1))}; {_recount_activity('OLD.participant_id')} END""",
    f"""CREATE TRIGGER registration_count_update
        AFTER UPDATE OF participant_id, commune_id, campaign_id, year, aim_category, aim_code, archived_at
        ON registration
        WHEN {_changed('participant_id', 'commune_id', 'campaign_id', 'year', 'aim_category', 'aim_code')}
          OR {_LIVE_CHANGED}
        BEGIN {_add_registrations(_one_registration('OLD', -1) + ' UNION ALL ' + _one_registration('NEW', 1))};
        END""",
    f"""CREATE TRIGGER registration_activity_update
        AFTER UPDATE OF participant_id, commune_id, campaign_id, year, archived_at ON registration
        WHEN {_changed('participant_id', 'commune_id', 'campaign_id', 'year')} OR {_LIVE_CHANGED}
        BEGIN {_recount_activity('OLD.participant_id')}
              DELETE FROM participant_activity WHERE participant_id = NEW.participant_id
                AND NEW.participant_id IS NOT OLD.participant_id;
              {_fill_activity('NEW.participant_id', 'NEW.participant_id IS NOT OLD.participant_id')}; END""",
    # participants
    f"""CREATE TRIGGER participant_count_update AFTER UPDATE OF archived_at, organization_id, kind ON participant
        WHEN {_LIVE_CHANGED} OR {_unit('OLD')} IS NOT {_unit('NEW')}
        BEGIN {_add_counts(_achievements_of('OLD', -1) + ' UNION ALL ' + _achievements_of('NEW', 1))}; END""",
    f"""CREATE TRIGGER participant_activity_live AFTER UPDATE OF archived_at ON participant WHEN {_LIVE_CHANGED}
        BEGIN {_recount_activity('NEW.id')} END""",
    f"""CREATE TRIGGER participant_activity_traits AFTER UPDATE OF kind, gender, member_count, female_count
        ON participant WHEN {_changed('kind', 'gender', 'member_count', 'female_count')}
        BEGIN UPDATE participant_activity SET kind = NEW.kind, gender = NEW.gender, member_count = NEW.member_count,
              female_count = NEW.female_count WHERE participant_id = NEW.id; END""",
    f"""CREATE TRIGGER participant_award_count AFTER UPDATE OF archived_at ON participant WHEN {_LIVE_CHANGED}
        BEGIN {_add_awards(_awards_of('OLD', -1) + ' UNION ALL ' + _awards_of('NEW', 1))}; END""",
    # With foreign keys on (the app's), a participant is deleted after its records; this keeps the counts right
    # even where they were not.
    f"""CREATE TRIGGER participant_count_delete AFTER DELETE ON participant
        BEGIN {_add_counts(_achievements_of('OLD', -1))}; {_add_awards(_awards_of('OLD', -1))};
              {_add_registrations(_registrations_of_deleted)};
              DELETE FROM participant_activity WHERE participant_id = OLD.id; END""",
    # awards: the figures by form and type, and the registrations they answer
    f"""CREATE TRIGGER award_count_insert AFTER INSERT ON award WHEN NEW.archived_at IS NULL
        BEGIN {_add_awards(_one_award('NEW', 1))};
              {_add_registrations(_registrations_matching('NEW', 1) + f' AND {_live_awards_like("NEW")} = 1')}; END""",
    f"""CREATE TRIGGER award_count_delete AFTER DELETE ON award WHEN OLD.archived_at IS NULL
        BEGIN {_add_awards(_one_award('OLD', -1))};
              {_add_registrations(_registrations_matching('OLD', -1) + f' AND {_live_awards_like("OLD")} = 0')}; END""",
    f"""CREATE TRIGGER award_count_update
        AFTER UPDATE OF commune_id, participant_id, category, code, year, award_type, archived_at ON award
        WHEN {_changed('commune_id', 'participant_id', 'category', 'code', 'year', 'award_type')} OR {_LIVE_CHANGED}
        BEGIN {_add_awards(_one_award('OLD', -1) + ' UNION ALL ' + _one_award('NEW', 1))};
              {_add_registrations(_registrations_matching('OLD', -1) + f' AND ({_AWARD_KEY_CHANGED}) AND '
                                  f'OLD.archived_at IS NULL AND {_live_awards_like("OLD")} = 0')};
              {_add_registrations(_registrations_matching('NEW', 1) + f' AND ({_AWARD_KEY_CHANGED}) AND '
                                  f'NEW.archived_at IS NULL AND {_live_awards_like("NEW")} = 1')}; END""",
]


def apply(conn) -> None:
    for sql in TABLES:
        conn.execute(sql)
    if getattr(conn, "engine", "sqlite") == "sqlite":
        for sql in SQLITE_STEPS:
            conn.execute(sql)
