"""Every change to the catalogue. Import services from here: ``from kucun.catalog.services import
brand_review``; the modules split brands, products and imports only to keep each file small."""

from kucun.catalog.services.brands import (
    MAX_ACTIVE_TOKENS,
    brand_api_token_create,
    brand_api_token_revoke,
    brand_review,
)
from kucun.catalog.services.imports import (
    ImportRejected,
    catalog_upsert,
    import_create,
    import_run,
    imports_fail_stale,
    stock_levels_set,
)
from kucun.catalog.services.products import (
    ProductIn,
    SkuIn,
    product_create,
    product_image_add,
    product_image_delete,
    product_update,
    sku_create,
    sku_update,
)

__all__ = [
    "MAX_ACTIVE_TOKENS",
    "ImportRejected",
    "ProductIn",
    "SkuIn",
    "brand_api_token_create",
    "brand_api_token_revoke",
    "brand_review",
    "catalog_upsert",
    "import_create",
    "import_run",
    "imports_fail_stale",
    "product_create",
    "product_image_add",
    "product_image_delete",
    "product_update",
    "sku_create",
    "sku_update",
    "stock_levels_set",
]
