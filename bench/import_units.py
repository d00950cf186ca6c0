"""Import 100,000 units from a GeoJSON file into a new town, re-import them all changed, then again.

    python bench/import_units.py [--units 100000]

Three imports into the town `bench-import`: the first creates every unit; the second reads a
file in which every unit's description changed (and most statuses), so it updates them all; the
third reads that file again and must write nothing. Targets: the first import and the changed
re-import each under 60 s, and an importer's peak memory under 500 MB.

Each import runs in a process of its own, as `regrow import` does, so that its peak memory
is the importer's alone; it times reading (parse and check every feature) and
writing (`units_import`) apart, as a coordinator's upload does them in two steps. Meanwhile this
process saves a small change every 50 ms and prints the longest one waited: on SQLite, how long
the import kept the site from writing.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import benchsupport
from django.db import OperationalError, connection, transaction
from generate import create_town, delete_bench_towns, geojson_of_units, seeded, town_centre

from regrow.premises import formats, services
from regrow.towns.models import Town

TOWN_SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}import"
TARGET_SECONDS = 60
TARGET_PEAK_MB = 500
PROBE_INTERVAL_SECONDS = 0.05


def peak_megabytes() -> float:
    """This process's peak resident memory.

    Linux's VmHWM rather than `ru_maxrss`, which a child started from a large process (this
    script's parent, which made the files) inherits from it at the start.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere: kB too


def read_file(path: Path, town: Town) -> list[formats.UnitRecord]:
    # The file's bytes go once read, as in `regrow import`.
    centre = (town.centre_latitude, town.centre_longitude)
    return formats.read_units(
        path.read_bytes(), filename=path.name, today=town.today(), centre=centre
    )


def import_file(path: Path) -> dict:
    """Import `path` into the bench town in this process; the figures, as the parent reads them."""
    town = Town.objects.get(slug=TOWN_SLUG)
    user = benchsupport.bench_user()
    read, records = benchsupport.seconds(lambda: read_file(path, town))
    write, summary = benchsupport.seconds(
        lambda: services.units_import(town=town, records=records, by=user)
    )
    return {
        "read": read,
        "write": write,
        "peak_mb": peak_megabytes(),
        "summary": (
            f"created {summary.created}, updated {summary.updated}, "
            f"unchanged {summary.unchanged}, statuses added {summary.statuses_added}"
        ),
    }


class WriteProbe(threading.Thread):
    """Saves the town's name again and again, each in a transaction of its own, as a page
    would; records the longest wait, and whether any write failed (SQLite gives up after its
    busy timeout with "database is locked")."""

    def __init__(self, town_pk: int):
        super().__init__(daemon=True)
        self.town_pk = town_pk
        self.stop = threading.Event()
        self.longest = 0.0
        self.failures = 0

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                start = time.perf_counter()
                try:
                    with transaction.atomic():
                        Town.objects.filter(pk=self.town_pk).update(name="Bench import town")
                except OperationalError:
                    self.failures += 1
                self.longest = max(self.longest, time.perf_counter() - start)
                self.stop.wait(PROBE_INTERVAL_SECONDS)
        finally:
            connection.close()


def run_import(label: str, path: Path, town_pk: int, database: str) -> dict:
    """Import `path` in a child process while probing writes; print and return its figures."""
    probe = WriteProbe(town_pk)
    probe.start()
    child = subprocess.run(  # noqa: S603 - this very script, with a file it wrote
        [sys.executable, __file__, "--import-file", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    probe.stop.set()
    probe.join()
    if child.returncode != 0:
        sys.exit(f"{label} failed:\n{child.stderr}")
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    total = figures["read"] + figures["write"]
    failed = f", {probe.failures} of them FAILED" if probe.failures else ""
    print(
        f"{label} ({database}): read {figures['read']:.1f} s + write {figures['write']:.1f} s "
        f"= {total:.1f} s; peak memory {figures['peak_mb']:.0f} MB; {figures['summary']}; "
        f"longest wait of a concurrent write {probe.longest:.2f} s{failed}"
    )
    return figures | {"total": total}


def verdict(figures: dict) -> str:
    met = figures["total"] < TARGET_SECONDS and figures["peak_mb"] < TARGET_PEAK_MB
    return (
        f"{figures['total']:.1f} s, {figures['peak_mb']:.0f} MB "
        f"(target < {TARGET_SECONDS} s, < {TARGET_PEAK_MB} MB: {'met' if met else 'NOT MET'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--import-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    if args.import_file:
        print(json.dumps(import_file(args.import_file)))
        return
    database = benchsupport.database_name()
    benchsupport.bench_user()
    delete_bench_towns(TOWN_SLUG)
    town = create_town(TOWN_SLUG, "Bench import town", town_centre(seeded(TOWN_SLUG)))
    centre = (town.centre_latitude, town.centre_longitude)
    with tempfile.TemporaryDirectory() as directory:
        first, changed = Path(directory) / "units.geojson", Path(directory) / "changed.geojson"
        for path, seed in [(first, "import"), (changed, "import-changed")]:
            made, data = benchsupport.seconds(
                lambda seed=seed: geojson_of_units(args.units, centre, town.today(), seed=seed)
            )
            path.write_bytes(data)
            megabytes = len(data) / 1e6
            print(f"wrote {path.name}: {args.units} units, {megabytes:.1f} MB in {made:.1f} s")
        del data
        # This process's connection stays out of the way of the children's transactions.
        connection.close()
        created = run_import(f"import {args.units} units", first, town.pk, database)
        updated = run_import("re-import, every unit changed", changed, town.pk, database)
        run_import("re-import of the same file (writes nothing)", changed, town.pk, database)
    print(f"first import: {verdict(created)}; changed re-import: {verdict(updated)}")


if __name__ == "__main__":
    main()
