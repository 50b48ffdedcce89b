"""API schemas of the resellers router: separate In / Out shapes; money in integer fen."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from kucun.core.ids import Id


class SignupCodeIn(Schema):
    phone: str = Field(description="Mainland China mobile number (11 digits starting 1[3-9])")


class SignupCodeOut(Schema):
    phone: str = Field(description="The number, normalised")
    expires_at: datetime
    resend_after_seconds: int


class SignupIn(Schema):
    phone: str
    code: str = Field(min_length=6, max_length=6, description="The 6-digit SMS code")
    password: str = Field(min_length=1, max_length=128)


class AccountOut(Schema):
    user_id: int
    phone: str
    has_shop: bool
    csrf_token: str = Field(description="Send as X-CSRFToken on later writes with this session")


class ShopOpenIn(Schema):
    shop_name: str = Field(max_length=40)
    slogan: str = Field("", max_length=80)


class ShopUpdateIn(Schema):
    shop_name: str = Field(max_length=40)
    slogan: str = Field("", max_length=80)


class ShopOut(Schema):
    shop_name: str
    shop_code: str
    shop_url: str
    avatar_url: str | None
    slogan: str
    status: str = Field(description="active | suspended")
    suspended_reason: str
    created_at: datetime


class MarkupIn(Schema):
    kind: str = Field(description="percent | amount")
    value: int = Field(
        description="percent: basis points (1000 = +10%); amount: fen (500 = +¥5)", ge=0
    )
    rounding: str = Field("none", description="none | x9 (¥x9) | x9.9 (¥x9.90)")


class PresetOut(Schema):
    key: str
    kind: str
    value: int
    label: str


class MarkupOut(Schema):
    kind: str
    value: int
    label: str
    rounding: str
    presets: list[PresetOut]


class OverrideIn(Schema):
    campaign_id: Id | None = Field(None, description="Exactly one of campaign_id / product_id")
    product_id: Id | None = None
    kind: str
    value: int = Field(ge=0)


class OverrideOut(Schema):
    id: int
    campaign_id: int | None
    product_id: int | None
    kind: str
    value: int
    label: str


class PriceRangeOut(Schema):
    min_fen: int
    max_fen: int


class CampaignCardOut(Schema):
    id: int
    title: str
    brand: str
    phase: str = Field(description="live | upcoming")
    starts_at: datetime
    ends_at: datetime
    countdown_to: datetime = Field(description="Start when upcoming, end when live")
    cover_url: str
    platform_price: PriceRangeOut | None
    her_price: PriceRangeOut | None = Field(description="Platform price range under her markup")
    discount: str = Field(description="Best discount off tag price, e.g. 3折")
    units_left: int
    units_sold: int
    product_count: int
    on_shelf: bool = Field(description="The whole campaign is on her shelf")


class FeedOut(Schema):
    live: list[CampaignCardOut]
    upcoming: list[CampaignCardOut]
    has_more: bool


class ResellerSkuOut(Schema):
    sku_id: int
    code: str
    color: str
    size: str
    units_left: int
    platform_price_fen: int
    tag_price_fen: int
    min_resale_price_fen: int | None
    price_fen: int = Field(description="Her price (resale_price)")
    markup_fen: int
    adjusted: str | None = Field(description="min_price / tag_cap / tag_cap_unrounded or null")


class ProductCardOut(Schema):
    product_id: int
    campaign_id: int
    title: str
    image_url: str
    price_fen: int = Field(description="Her price of the cheapest SKU still for sale")
    platform_price_fen: int
    tag_price_fen: int
    units_left: int
    sold_out: bool
    on_shelf: bool


class CampaignDetailOut(Schema):
    campaign: CampaignCardOut
    description: str
    products: list[ProductCardOut]


class ProductDetailOut(Schema):
    product: ProductCardOut
    campaign: CampaignCardOut
    brand: str
    description: str
    images: list[str]
    skus: list[ResellerSkuOut]


class ShelfIn(Schema):
    campaign_id: Id
    product_id: Id | None = Field(None, description="null: the whole campaign")


class ShelfItemOut(Schema):
    id: int
    campaign_id: int
    product_id: int | None
    created_at: datetime


class ShareIn(Schema):
    campaign_id: Id
    product_id: Id | None = Field(None, description="null: the whole campaign (快速转发)")
    channel: str = Field("link", description="wechat_moments | wechat_chat | poster | link | other")


class ShareOut(Schema):
    code: str
    url: str = Field(description="The tracked short link")
    campaign_id: int
    product_id: int | None
    channel: str
    created_at: datetime
    visits: int
    visitors: int
    orders: int = Field(description="0 until the orders app exists")
    gmv_fen: int = Field(description="0 until the orders app exists")
    poster_url: str
    images_zip_url: str


class ToneOut(Schema):
    key: str
    name: str


class ShareTextOut(Schema):
    tone: str
    text: str
    tones: list[ToneOut]


class PublicProductOut(Schema):
    product_id: int
    title: str
    image_url: str
    price_fen: int
    tag_price_fen: int
    sold_out: bool
    url: str


class PublicCampaignOut(Schema):
    id: int
    title: str
    brand: str
    phase: str
    countdown_to: datetime
    products: list[PublicProductOut]


class PublicShopOut(Schema):
    shop_name: str
    slogan: str
    avatar_url: str | None
    campaigns: list[PublicCampaignOut]


class ProblemOut(Schema):
    code: str
    message: str
    data: dict
