"""JSON API: see the module's routes (filled in by the meetings' work)."""

from ninja import Router

router = Router(tags=["networks"])
