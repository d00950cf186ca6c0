"""The JSON API: one router per app, mounted at /api/, described at /api/openapi.json."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.security import django_auth

from regrow.api.premises import router as premises_router

api = NinjaAPI(
    title="regrow API",
    version="1",
    description=(
        "Read and write a town's vacancy register. Sign in through the site first: the API uses "
        "the same session and roles, and asks for the CSRF token on writes."
    ),
    auth=django_auth,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request, error: ValidationError):
    detail = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(PermissionDenied)
def permission_denied(request, error):
    return api.create_response(request, {"detail": "Not allowed."}, status=403)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"detail": "Not found."}, status=404)


api.add_router("/", premises_router)
