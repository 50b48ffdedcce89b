"""Stock API for a brand (its session or its ERP token): levels, receipts, adjustments, journal."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from kucun.catalog.auth import brand_auth
from kucun.catalog.permissions import api_brand
from kucun.core.errors import InvalidInput, NotFound
from kucun.core.pagination import LimitOffsetPagination
from kucun.inventory import selectors, services
from kucun.inventory.models import StockItem, StockMove

router = Router(tags=["inventory"], auth=brand_auth)


class WarehouseOut(Schema):
    id: int
    code: str
    name: str
    address: str
    is_cloud: bool


class StockItemOut(Schema):
    id: int
    sku_id: int
    sku_code: str = Field(..., alias="sku.code")
    product_title: str = Field(..., alias="sku.product.title")
    warehouse_id: int
    warehouse_code: str = Field(..., alias="warehouse.code")
    on_hand: int
    allocated: int
    free: int


class StockMoveOut(Schema):
    id: int
    kind: str
    on_hand_delta: int
    allocated_delta: int
    reference: str
    note: str
    actor: str | None
    created_at: datetime

    @staticmethod
    def resolve_actor(obj: StockMove) -> str | None:
        return obj.actor.username if obj.actor else None


class ReceiveIn(Schema):
    sku_code: str
    warehouse_id: int
    quantity: int
    reference: str = ""
    note: str = ""


class AdjustIn(Schema):
    delta: int
    note: str
    reference: str = ""


def _actor(request: HttpRequest):
    return request.user if request.user.is_authenticated else None


def _own_item(request: HttpRequest, stock_item_id: int) -> StockItem:
    item = selectors.stock_item_for_brand(brand=api_brand(request), stock_item_id=stock_item_id)
    if item is None:
        raise NotFound(_("No such stock item."), code="inventory.not_found")
    return item


@router.get("/warehouses", response=list[WarehouseOut], summary="Warehouses I may stock")
def warehouses(request: HttpRequest):
    return list(selectors.warehouses_for_brand(brand=api_brand(request)))


@router.get("/stock", response=list[StockItemOut], summary="My stock levels")
@paginate(LimitOffsetPagination)
def stock(request: HttpRequest, q: str = "", warehouse_id: int | None = None):
    return selectors.stock_items_search(brand=api_brand(request), q=q, warehouse_id=warehouse_id)


@router.get("/stock/{int:stock_item_id}", response=StockItemOut)
def stock_item(request: HttpRequest, stock_item_id: int):
    return _own_item(request, stock_item_id)


@router.get("/stock/{int:stock_item_id}/moves", response=list[StockMoveOut], summary="Journal")
@paginate(LimitOffsetPagination)
def moves(request: HttpRequest, stock_item_id: int):
    return selectors.stock_moves_for_item(stock_item=_own_item(request, stock_item_id))


@router.post("/receive", response={201: StockItemOut}, summary="Goods received")
def receive(request: HttpRequest, payload: ReceiveIn):
    brand = api_brand(request)
    sku = selectors.sku_for_brand(brand=brand, code=payload.sku_code)
    if sku is None:
        raise InvalidInput(
            _("There is no SKU with this code in your catalogue."),
            code="inventory.unknown_sku",
            data={"sku_code": payload.sku_code},
        )
    warehouse = selectors.warehouses_for_brand(brand=brand).filter(pk=payload.warehouse_id).first()
    if warehouse is None:
        raise InvalidInput(
            _("There is no such warehouse among yours."),
            code="inventory.unknown_warehouse",
            data={"warehouse_id": payload.warehouse_id},
        )
    move = services.stock_receive(
        sku=sku,
        warehouse=warehouse,
        quantity=payload.quantity,
        reference=payload.reference,
        note=payload.note,
        actor=_actor(request),
    )
    return Status(201, _own_item(request, move.stock_item_id))


@router.post("/stock/{int:stock_item_id}/adjust", response=StockItemOut, summary="Adjust")
def adjust(request: HttpRequest, stock_item_id: int, payload: AdjustIn):
    item = _own_item(request, stock_item_id)
    services.stock_adjust(
        stock_item=item,
        delta=payload.delta,
        note=payload.note,
        reference=payload.reference,
        actor=_actor(request),
    )
    return _own_item(request, stock_item_id)
