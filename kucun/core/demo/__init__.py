"""The demo data ``make run`` loads once: accounts, brands, catalogue, stock and campaigns.

``steps()`` is how the loader finds them (see ``loader.discover_steps``); another app adds its
own demo data with a ``demo`` module of its own that has a ``steps()`` function.
"""

from __future__ import annotations


def steps() -> list:
    # Imported here so the pure modules of this package (data, plan, codes) load without Django.
    from kucun.core.demo.accounts import accounts_done, accounts_run, brands_done, brands_run
    from kucun.core.demo.campaigns import campaigns_done, campaigns_run
    from kucun.core.demo.loader import Step
    from kucun.core.demo.supply import catalog_done, catalog_run, stock_done, stock_run

    return [
        Step("accounts", 10, accounts_done, accounts_run),
        Step("brands", 20, brands_done, brands_run),
        Step("catalog", 30, catalog_done, catalog_run),
        Step("stock", 40, stock_done, stock_run),
        Step("campaigns", 50, campaigns_done, campaigns_run),
    ]
