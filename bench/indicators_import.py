"""Import a million observations from a JSON-stat dataset, then the same file again, then every
value changed.

    python bench/indicators_import.py [--towns 200] [--months 1000]

A PxWeb-like JSON-stat 2.0 dataset of five indicators (an indicator dimension) for `--towns`
bench towns (found by their LAU codes) over `--months` months: 200 x 5 x 1000 = 1,000,000
values. Three imports: the first adds every value; the second reads the same file and writes
nothing; the third changes every value, so it updates a million observations and keeps a million
old values in the history. Target (issue 14): the first import under 60 s on PostgreSQL, an
importer's peak memory under 500 MB.

Each import runs in a process of its own, as `regrow import_observations` does, so that its peak
memory is the importer's alone; it times the check (read, map and compare every value, nothing
written) and the write (read again, lock, compare, write in bulk) apart.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchsupport
from django.db import connection
from generate import create_town, delete_bench_towns

from regrow.indicators import services
from regrow.indicators.standard import ensure_standard_indicators

SLUG_PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}indicators-"
INDICATORS = ["population", "population_15_29", "net_migration", "enterprises", "footfall"]
TARGET_SECONDS = 60
TARGET_PEAK_MB = 500


def peak_megabytes() -> float:
    """This process's peak resident memory (Linux's VmHWM, not inherited from the parent)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("No VmHWM in /proc/self/status (Linux only)")


def lau_code(number: int) -> str:
    return f"BX{number:06d}"


def dataset(towns: int, months: int, seed: int) -> bytes:
    """A JSON-stat 2.0 dataset: geo x indicator x time, values as one list."""
    draw = random.Random(seed)  # noqa: S311 - benchmark figures
    periods = [f"{1900 + m // 12}M{m % 12 + 1:02d}" for m in range(months)]
    values = []
    for _town in range(towns):
        for indicator in INDICATORS:
            low = -500 if indicator == "net_migration" else 0
            values += [draw.randint(low, 20_000) for _ in range(months)]
    document = {
        "version": "2.0",
        "class": "dataset",
        "label": "Bench indicators",
        "source": "bench/indicators_import.py",
        "id": ["geo", "indicator", "time"],
        "size": [towns, len(INDICATORS), months],
        "role": {"geo": ["geo"], "time": ["time"]},
        "dimension": {
            "geo": {"category": {"index": [lau_code(n) for n in range(towns)]}},
            "indicator": {"category": {"index": INDICATORS}},
            "time": {"category": {"index": periods}},
        },
        "value": values,
        "status": {"0": "p"},
    }
    return json.dumps(document, separators=(",", ":")).encode()


def import_file(path: Path) -> dict:
    """Import `path` in this process; the figures, as the parent reads them."""
    user = benchsupport.bench_user()
    marks = {}

    def checking(done: int, total: int) -> None:
        marks["checked"] = time.perf_counter()  # the last call ends the check

    start = time.perf_counter()
    data = path.read_bytes()
    batch = services.observations_import(
        data=data,
        filename=path.name,
        options=services.ImportOptions(file_format="jsonstat"),
        by=user,
        checking=checking,
    )
    end = time.perf_counter()
    check_end = marks.get("checked", start)
    return {
        "total": end - start,
        "check": check_end - start,
        "write": end - check_end,
        "peak_mb": peak_megabytes(),
        "summary": f"added {batch.added}, changed {batch.changed}, unchanged {batch.unchanged}",
    }


def run_import(label: str, path: Path, database: str) -> dict:
    child = subprocess.run(  # noqa: S603 - this very script, with a file it wrote
        [sys.executable, __file__, "--import-file", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        sys.exit(f"{label} failed:\n{child.stderr[-5000:]}")
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    print(
        f"{label} ({database}): {figures['total']:.1f} s (check {figures['check']:.1f} s, "
        f"write {figures['write']:.1f} s); peak memory "
        f"{figures['peak_mb']:.0f} MB; {figures['summary']}",
        flush=True,
    )
    return figures


def clear_bench_towns() -> None:
    """Remove the bench towns' observations in three statements (the ORM's cascade would read a
    million ids first), then the towns."""
    with connection.cursor() as cursor:
        towns = "SELECT id FROM towns_town WHERE slug LIKE %s"
        cursor.execute(
            "DELETE FROM indicators_observationchange WHERE observation_id IN "  # noqa: S608
            f"(SELECT id FROM indicators_observation WHERE town_id IN ({towns}))",
            [SLUG_PREFIX + "%"],
        )
        cursor.execute(
            f"DELETE FROM indicators_observation WHERE town_id IN ({towns})",  # noqa: S608
            [SLUG_PREFIX + "%"],
        )
        cursor.execute("DELETE FROM indicators_importbatch WHERE file_name LIKE 'bench-%%'")
    delete_bench_towns(SLUG_PREFIX)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=200)
    parser.add_argument("--months", type=int, default=1000)
    parser.add_argument("--import-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    if args.import_file:
        print(json.dumps(import_file(args.import_file)))
        return
    database = benchsupport.database_name()
    benchsupport.bench_user()
    ensure_standard_indicators()
    clear_bench_towns()
    for number in range(args.towns):
        town = create_town(f"{SLUG_PREFIX}{number}", f"Bench town {number}", ("57.0", "25.0"))
        town.lau_code = lau_code(number)
        town.save(update_fields=["lau_code"])
    count = args.towns * len(INDICATORS) * args.months
    with tempfile.TemporaryDirectory() as directory:
        first, changed = Path(directory) / "bench-1.json", Path(directory) / "bench-2.json"
        for path, seed in [(first, 1), (changed, 2)]:
            made, data = benchsupport.seconds(
                lambda seed=seed: dataset(args.towns, args.months, seed)
            )
            path.write_bytes(data)
            print(f"wrote {path.name}: {count} values, {len(data) / 1e6:.1f} MB in {made:.1f} s")
        del data
        connection.close()  # this process's connection stays out of the children's way
        added = run_import(f"import {count} values", first, database)
        run_import("the same file again (writes nothing)", first, database)
        run_import("every value changed (history kept)", changed, database)
    met = added["total"] < TARGET_SECONDS and added["peak_mb"] < TARGET_PEAK_MB
    print(
        f"first import: {added['total']:.1f} s, {added['peak_mb']:.0f} MB (target < "
        f"{TARGET_SECONDS} s, < {TARGET_PEAK_MB} MB: {'met' if met else 'NOT MET'})"
    )


if __name__ == "__main__":
    main()
