"""The REST API: one NinjaAPI, a router per app, OpenAPI at /api/docs."""

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from kucun.core.errors import DomainError

api = NinjaAPI(
    title="Kucun API",
    version="1",
    description="S2b2C share-distribution commerce: brands, stock, campaigns.",
    urls_namespace="api",
)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, exc.as_problem(), status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problem = {"code": "invalid", "message": "The request is not valid.", "data": exc.errors}
    return api.create_response(request, problem, status=422)


@api.exception_handler(AuthenticationError)
def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    problem = {"code": "auth.required", "message": "Log in or send a valid API token.", "data": {}}
    return api.create_response(request, problem, status=401)


# ninja's own refusals (a body it cannot parse, a failed CSRF check, no route) in the same
# problem shape as ours, so a client reads one error format.
HTTP_ERROR_CODES = {400: "invalid", 403: "forbidden", 404: "not_found"}


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = HTTP_ERROR_CODES.get(exc.status_code, "error")
    problem = {"code": code, "message": exc.message, "data": {}}
    return api.create_response(request, problem, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    problem = {"code": "not_found", "message": "Not found.", "data": {}}
    return api.create_response(request, problem, status=404)


def _register_routers() -> None:
    from kucun.campaigns.api import router as campaigns_router
    from kucun.catalog.api import router as catalog_router
    from kucun.inventory.api import router as inventory_router
    from kucun.resellers.api import router as resellers_router

    api.add_router("/catalog", catalog_router)
    api.add_router("/inventory", inventory_router)
    api.add_router("/campaigns", campaigns_router)
    api.add_router("/resellers", resellers_router)


_register_routers()
