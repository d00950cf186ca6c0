"""Files as the statistics offices give them, small."""

import json


def eurostat(
    lines: list[str], header: str = "freq,unit,geo\\TIME_PERIOD\t2019 \t2020 \t2021 "
) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode()


def jsonstat(**changes) -> dict:
    """A PxWeb-like JSON-stat 2.0 dataset: two regions, three years, one contents code."""
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "label": "Population at the beginning of the year",
        "source": "Official statistics of Latvia",
        "updated": "2024-03-01T08:00:00Z",
        "id": ["AREA", "ContentsCode", "TIME"],
        "size": [2, 1, 3],
        "role": {"geo": ["AREA"], "time": ["TIME"], "metric": ["ContentsCode"]},
        "dimension": {
            "AREA": {
                "label": "territorial unit",
                "category": {
                    "index": {"0360201": 0, "0010000": 1},
                    "label": {"0360201": "Alūksne", "0010000": "Rīga"},
                },
            },
            "ContentsCode": {
                "label": "indicator",
                "category": {"index": {"IRS010": 0}, "label": {"IRS010": "Population"}},
            },
            "TIME": {"label": "year", "category": {"index": ["2021", "2022", "2023"]}},
        },
        "value": [7400, 7310, None, 614618, 605273, 605802],
        "status": {"1": "p"},
    }
    dataset.update(changes)
    return dataset


def jsonstat_bytes(**changes) -> bytes:
    return json.dumps(jsonstat(**changes)).encode()
