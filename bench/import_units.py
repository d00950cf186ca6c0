"""Import 100,000 units from a GeoJSON file into a new town, then import the same file again.

    python bench/import_units.py [--units 100000]

Reading (parse and check every feature) and writing (units_import) are timed apart, as a
coordinator's upload does them in two steps: check and preview, then confirm. The second import
must find every unit unchanged and write nothing. Target: under 60 s for the first import.
"""

import argparse
import tempfile
from pathlib import Path

import benchsupport
from generate import create_town, delete_bench_towns, geojson_of_units, seeded, town_centre

from regrow.premises import formats, services

TOWN_SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}import"
TARGET_SECONDS = 60


def import_file(town, path: Path, user) -> tuple[float, float, services.ImportSummary]:
    """Seconds to read the file, seconds to write it to the register, and what was written."""
    data = path.read_bytes()
    centre = (town.centre_latitude, town.centre_longitude)
    read, records = benchsupport.seconds(
        lambda: formats.read_units(data, filename=path.name, today=town.today(), centre=centre)
    )
    write, summary = benchsupport.seconds(
        lambda: services.units_import(town=town, records=records, by=user)
    )
    return read, write, summary


def described(summary: services.ImportSummary) -> str:
    return (
        f"created {summary.created}, updated {summary.updated}, "
        f"unchanged {summary.unchanged}, statuses added {summary.statuses_added}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    database = benchsupport.database_name()
    user = benchsupport.bench_user()
    delete_bench_towns(TOWN_SLUG)
    town = create_town(TOWN_SLUG, "Bench import town", town_centre(seeded(TOWN_SLUG)))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "units.geojson"
        made, data = benchsupport.seconds(
            lambda: geojson_of_units(
                args.units, (town.centre_latitude, town.centre_longitude), town.today()
            )
        )
        path.write_bytes(data)
        print(f"wrote {path.name}: {args.units} units, {len(data) / 1e6:.1f} MB in {made:.1f} s")

        read, write, summary = import_file(town, path, user)
        total = read + write
        verdict = "met" if total < TARGET_SECONDS else "NOT MET"
        print(
            f"import {args.units} units from GeoJSON ({database}): read {read:.1f} s + "
            f"write {write:.1f} s = {total:.1f} s (target < {TARGET_SECONDS} s: {verdict}); "
            f"{described(summary)}"
        )

        read, write, summary = import_file(town, path, user)
        print(
            f"re-import of the same file ({database}): read {read:.1f} s + write {write:.1f} s "
            f"= {read + write:.1f} s; {described(summary)}"
        )


if __name__ == "__main__":
    main()
