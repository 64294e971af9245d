"""Evidence on the shared folder vs in PostgreSQL large objects: 200 files of 200 kB (one commune's round), 3 runs.

    python bench/large_objects.py   (starts a throwaway PostgreSQL server: tools/pgcluster.py)
"""
import os, sys, time, tempfile
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))); sys.path.insert(0, os.path.join(ROOT, 'tools')); sys.path.insert(0, ROOT)
import pgcluster, psycopg
from desktop_app.core.storage.files import copy_file_durably
c = pgcluster.start()
try:
    tmp = tempfile.mkdtemp()
    src = [os.path.join(tmp, f"s{i}.jpg") for i in range(200)]
    for p in src:
        open(p, 'wb').write(os.urandom(200_000))
    with psycopg.connect(c.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE lo")
    url = c.url.rsplit('/',1)[0] + '/lo'
    res = {}
    for run in range(3):
        dst = os.path.join(tmp, f"ev{run}"); os.makedirs(dst)
        t = time.perf_counter()
        for p in src:
            copy_file_durably(p, os.path.join(dst, os.path.basename(p)))
        res.setdefault('files', []).append(time.perf_counter() - t)
        with psycopg.connect(url) as conn:
            t = time.perf_counter()
            with conn.transaction():
                for p in src:
                    data = open(p, 'rb').read()
                    conn.execute("SELECT lo_from_bytea(0, %s)", (data,))
            res.setdefault('large objects', []).append(time.perf_counter() - t)
            t = time.perf_counter()
            oids = [r[0] for r in conn.execute("SELECT oid FROM pg_largeobject_metadata")]
            for o in oids[:200]:
                conn.execute("SELECT lo_get(%s)", (o,)).fetchone()
            res.setdefault('read lo', []).append(time.perf_counter() - t)
        t = time.perf_counter()
        for p in src:
            open(os.path.join(dst, os.path.basename(p)), 'rb').read()
        res.setdefault('read files', []).append(time.perf_counter() - t)
    with psycopg.connect(url) as conn:
        size = conn.execute("SELECT pg_database_size('lo')").fetchone()[0]
    for k, v in res.items():
        print(k, ["%.2f" % x for x in v])
    print("db size MB", size / 1e6, "for", 3 * 200 * 0.2, "MB of evidence")
finally:
    c.stop()
