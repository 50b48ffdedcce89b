"""Every state change of the resellers app. Each service owns its transaction."""

from kucun.resellers.services.markup import (
    markup_rule_clear,
    markup_rule_delete,
    markup_rule_set,
    reseller_markup_set,
)
from kucun.resellers.services.shares import share_get_or_create, share_visit_record
from kucun.resellers.services.shelf import shelf_add, shelf_item_delete, shelf_remove
from kucun.resellers.services.signup import (
    phone_code_request,
    phone_code_verify,
    phone_normalise,
    reseller_signup,
    shop_open,
    shop_update,
)
from kucun.resellers.services.suspension import reseller_suspend, reseller_unsuspend

__all__ = [
    "markup_rule_clear",
    "markup_rule_delete",
    "markup_rule_set",
    "phone_code_request",
    "phone_code_verify",
    "phone_normalise",
    "reseller_markup_set",
    "reseller_signup",
    "reseller_suspend",
    "reseller_unsuspend",
    "share_get_or_create",
    "share_visit_record",
    "shelf_add",
    "shelf_item_delete",
    "shelf_remove",
    "shop_open",
    "shop_update",
]
