"""The REST API: one NinjaAPI, a router per app, OpenAPI at /api/docs."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

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
