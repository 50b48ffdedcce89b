"""Prove the stock books: every level must be the sum of its journal. Exit 1 if one is not."""

from django.core.management.base import BaseCommand, CommandError

from kucun.inventory.models import StockItem
from kucun.inventory.selectors import stock_journal_mismatches


class Command(BaseCommand):
    help = "Check that every stock level is explained by its StockMove journal (exit 1 if not)."

    def handle(self, *args, **options) -> None:
        mismatches = stock_journal_mismatches()
        for m in mismatches:
            self.stdout.write(
                f"stock item {m.stock_item_id}: on hand {m.on_hand} (journal {m.journal_on_hand}), "
                f"allocated {m.allocated} (journal {m.journal_allocated})"
            )
        if mismatches:
            raise CommandError(
                f"{len(mismatches)} stock item(s) are not explained by their journal.", returncode=1
            )
        count = StockItem.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"OK: the journal explains all {count} stock item level(s).")
        )
