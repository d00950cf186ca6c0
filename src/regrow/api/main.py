"""The JSON API: one router per app, mounted at /api/, described at /api/openapi.json."""

from ninja import NinjaAPI
from ninja.security import django_auth

from regrow.api import errors
from regrow.api.indicators import router as indicators_router
from regrow.api.network import router as network_router
from regrow.api.network_dashboard import router as network_dashboard_router
from regrow.api.network_goals import router as network_goals_router
from regrow.api.network_meetings import router as network_meetings_router
from regrow.api.network_plans import router as network_plans_router
from regrow.api.popups import router as popups_router
from regrow.api.popups_allocation import router as allocation_router
from regrow.api.popups_jury import router as jury_router
from regrow.api.popups_money import router as money_router
from regrow.api.popups_outcomes import router as outcomes_router
from regrow.api.popups_public import router as public_popups_router
from regrow.api.popups_report import router as report_router
from regrow.api.premises import router as premises_router

api = NinjaAPI(
    title="regrow API",
    version="1",
    description=(
        "Read and write a town's vacancy register; read pop-up rounds, your own applications, "
        "a jury's work and a round's allocation. Sign in through the site first: the API uses "
        "the same session and roles, and asks for the CSRF token on writes. Every error is JSON "
        'of the form `{"detail": …}`; a 503 says when to try again in its `Retry-After` header.'
    ),
    auth=django_auth,
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", premises_router)
api.add_router("/", popups_router)
api.add_router("/", jury_router)
api.add_router("/", allocation_router)
api.add_router("/", outcomes_router)
api.add_router("/", public_popups_router)
api.add_router("/", report_router)
api.add_router("/", money_router)
api.add_router("/", indicators_router)
api.add_router("/", network_router)
api.add_router("/", network_plans_router)
api.add_router("/", network_meetings_router)
api.add_router("/", network_goals_router)
api.add_router("/", network_dashboard_router)
