#!/usr/bin/env python3
"""Rows and JSON bytes per table in an Azurite data folder (its LokiJS table database), after a bench run.

    python3 bench/storage_rows.py AZURITE_DIR
"""
import json
import os
import sys

folder = sys.argv[1]
path = os.path.join(folder, "__azurite_db_table__.json")
if not os.path.exists(path):
    sys.exit(f"no table database in {folder}")
db = json.load(open(path, encoding="utf-8"))
rows = []
for coll in db.get("collections", []):
    data = coll.get("data", [])
    size = sum(len(json.dumps(d, ensure_ascii=False)) for d in data)
    rows.append((size, len(data), coll.get("name", "?")))
print(f"{'bytes':>12} {'rows':>8}  collection")
for size, n, name in sorted(rows, reverse=True):
    print(f"{size:>12} {n:>8}  {name}")
print(f"{sum(r[0] for r in rows):>12} {sum(r[1] for r in rows):>8}  total ({os.path.getsize(path)} bytes on disk)")
# One stored row per table (the largest one), so what a row carries can be read.
for coll in db.get("collections", []):
    data = coll.get("data", [])
    if data:
        largest = max(data, key=lambda d: len(json.dumps(d, ensure_ascii=False)))
        print(f"\nlargest row of {coll.get('name', '?')}:\n{json.dumps(largest, ensure_ascii=False)[:4000]}")
