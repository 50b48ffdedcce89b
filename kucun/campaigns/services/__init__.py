"""Campaign services: ``proposals`` says what a valid proposal is; ``lifecycle`` moves a
campaign through its states and its stock with it. Callers import from here."""

from kucun.campaigns.services.lifecycle import (
    CANCELLABLE,
    EDITABLE,
    HOLDING_STOCK,
    AdvanceResult,
    campaign_approve,
    campaign_cancel,
    campaign_create,
    campaign_reject,
    campaign_set_banner,
    campaign_submit,
    campaign_update,
    campaigns_advance,
)
from kucun.campaigns.services.proposals import CampaignIn, CampaignItemIn

__all__ = [
    "CANCELLABLE",
    "EDITABLE",
    "HOLDING_STOCK",
    "AdvanceResult",
    "CampaignIn",
    "CampaignItemIn",
    "campaign_approve",
    "campaign_cancel",
    "campaign_create",
    "campaign_reject",
    "campaign_set_banner",
    "campaign_submit",
    "campaign_update",
    "campaigns_advance",
]
