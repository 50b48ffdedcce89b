"""Make up a brand's products and SKUs from the tables in ``data``. Pure code: no Django import.

The same seed gives the same products, codes, prices and barcodes on every machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kucun.core.demo.codes import ean13, round_yuan_to_9
from kucun.core.demo.data import COLOURS, KINDS, MATERIALS, BrandSpec, Kind, Noun, Spec


@dataclass(frozen=True)
class SkuPlan:
    code: str
    color: str
    size: str
    barcode: str
    tag_price_fen: int
    supply_price_fen: int
    stock: int  # units received into the brand's warehouse
    cloud_stock: int  # units received into the cloud warehouse (0: none)


@dataclass(frozen=True)
class ProductPlan:
    code: str
    kind: str
    title: str
    description: str
    category: tuple[str, ...]
    attributes: dict[str, str]
    shape: str
    skus: tuple[SkuPlan, ...]
    image_colours: tuple[str, ...]  # one image per entry ("" = the brand's colour)


def brand_barcode_prefix(brand_index: int) -> str:
    """A 7-digit GS1-China-style company prefix (69…), one per demo brand."""
    return f"69{52000 + brand_index * 137:05d}"


def _title(kind: Kind, noun: Noun, rng: random.Random) -> tuple[str, list[str]]:
    parts = noun.parts if noun.parts is not None else kind.parts
    words = [rng.choice(part) for part in parts]
    return "".join(words) + noun.text, words


def _description(title: str, kind: Kind, rng: random.Random, brand: BrandSpec) -> str:
    lead = rng.choice(kind.leads) if kind.leads else ""
    points = rng.sample(kind.points, k=min(3, len(kind.points)))
    lines = [f"{title}。{lead}", ""]
    lines += [f"· {point}" for point in points]
    lines += ["", f"{brand.name}品牌直供，正品保障，支持 7 天无理由退换。"]
    return "\n".join(lines)


def _attributes(kind: Kind, noun: Noun, words: list[str], rng: random.Random) -> dict[str, str]:
    attrs = {name: rng.choice(options) for name, options in kind.attrs.items()}
    if kind.material_part is not None:
        word = words[kind.material_part]
        attrs = {kind.material_attr: MATERIALS.get(word, word), **attrs}
    attrs.update(noun.attrs)
    return attrs


def _pick_specs(kind: Kind, noun: Noun, rng: random.Random) -> tuple[Spec, ...]:
    specs = noun.specs or kind.specs
    if kind.specs_per_product is None or len(specs) <= 1:
        return specs
    low, high = kind.specs_per_product
    count = rng.randint(min(low, len(specs)), min(high, len(specs)))
    start = rng.randint(0, len(specs) - count)
    return specs[start : start + count]


def plan_brand_products(
    *, brand: BrandSpec, brand_index: int, rng: random.Random, scale: int = 100
) -> list[ProductPlan]:
    """The brand's products, ``scale`` percent of the full number of each kind (at least one)."""
    products: list[ProductPlan] = []
    titles: set[str] = set()
    barcode_prefix = brand_barcode_prefix(brand_index)
    item_ref = 0
    for kind_key, full_count in brand.kinds:
        kind = KINDS[kind_key]
        count = max(1, full_count * scale // 100)
        for _n in range(count):
            for _attempt in range(100):
                noun = rng.choice(kind.nouns)
                title, words = _title(kind, noun, rng)
                if title not in titles:
                    break
            titles.add(title)
            code = f"{brand.prefix}{len(products) + 1:04d}"
            colours: tuple[str, ...] = ("",)
            if kind.colours:
                low, high = kind.colours_per_product
                colours = tuple(rng.sample(kind.colours, k=rng.randint(low, high)))
            specs = _pick_specs(kind, noun, rng)
            base_yuan = rng.choice(kind.prices)
            supply_percent = rng.randint(25, 45)
            base_stock = rng.randint(*kind.stock)
            in_cloud = rng.randint(1, 100) <= brand.cloud_share
            skus = []
            for colour in colours:
                for spec in specs:
                    item_ref += 1
                    tag_fen = round_yuan_to_9(base_yuan * spec.factor // 100) * 100
                    supply_fen = max(100, tag_fen * supply_percent // 100 // 100 * 100)
                    stock = max(3, base_stock * spec.weight // 100 + rng.randint(-5, 5))
                    parts = [code] + ([COLOURS[colour][0]] if colour else []) + [spec.code]
                    skus.append(
                        SkuPlan(
                            code="-".join(parts),
                            color=colour,
                            size=spec.label,
                            barcode=ean13(f"{barcode_prefix}{item_ref:05d}"),
                            tag_price_fen=tag_fen,
                            supply_price_fen=supply_fen,
                            stock=stock,
                            cloud_stock=stock * rng.randint(30, 60) // 100 if in_cloud else 0,
                        )
                    )
            n_images = min(3, len(colours)) if kind.colours else rng.randint(1, 2)
            image_colours = colours[:n_images] if kind.colours else ("",) * n_images
            products.append(
                ProductPlan(
                    code=code,
                    kind=kind_key,
                    title=title,
                    description=_description(title, kind, rng, brand),
                    category=kind.category,
                    attributes=_attributes(kind, noun, words, rng),
                    shape=noun.shape or kind.shape,
                    skus=tuple(skus),
                    image_colours=image_colours,
                )
            )
    return products


def platform_price_fen(*, supply_fen: int, tag_fen: int, percent: int) -> int:
    """``percent`` of the supply price in whole yuan, never below supply nor above tag."""
    price = supply_fen * percent // 100 // 100 * 100
    return max(supply_fen, min(price, tag_fen))


def min_resale_price_fen(*, platform_fen: int, tag_fen: int) -> int:
    """A brand's floor for resellers: about a fifth of the way from platform price to tag."""
    return max(platform_fen, (platform_fen + (tag_fen - platform_fen) // 5) // 100 * 100)
