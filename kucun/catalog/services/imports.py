"""Imports: a file in the background, or the ERP's bulk calls; all lines or none."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kucun.catalog.importing.apply import apply_plan
from kucun.catalog.importing.columns import map_headers, parse_row
from kucun.catalog.importing.plan import build_plan
from kucun.catalog.importing.reader import (
    MAX_IMPORT_BYTES,
    FileProblem,
    check_file_name,
    read_table,
)
from kucun.catalog.importing.rows import (
    RowError,
    SkuRow,
    row_errors,
)
from kucun.catalog.importing.stock import StockLevelIn, plan_stock_levels, set_levels
from kucun.catalog.models import (
    Brand,
    ImportJob,
    ImportStatus,
)
from kucun.catalog.services.brands import _check_writable
from kucun.catalog.services.products import _invalid
from kucun.core.errors import DomainError, InvalidInput
from kucun.core.jobs import run_after_commit

log = logging.getLogger(__name__)

MAX_STORED_ERRORS = 5000
PROGRESS_EVERY = 250


# --- bulk upsert and stock levels (the ERP API) -----------------------------------------------


class ImportRejected(InvalidInput):
    """Some lines are wrong, so nothing was written; ``errors`` says which and why."""

    code = "catalog.import_invalid"

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        super().__init__(
            ngettext(
                "Nothing was imported: %(n)s problem was found.",
                "Nothing was imported: %(n)s problems were found.",
                len(self.errors),
            )
            % {"n": len(self.errors)},
            data={
                "errors": [
                    {"index": error.line, "field": error.column, "message": error.message}
                    for error in self.errors[:MAX_STORED_ERRORS]
                ]
            },
        )


def _lock_brand(brand: Brand) -> Brand:
    """One import or ERP sync at a time per brand, so two can't race on the same codes."""
    brand = Brand.objects.select_for_update().get(pk=brand.pk)
    _check_writable(brand)
    return brand


def _upsert(
    *, brand: Brand, rows: Sequence[SkuRow], actor: Any, reference: str, now: datetime
) -> dict[str, int]:
    brand = _lock_brand(brand)
    plan, errors = build_plan(brand=brand, rows=rows)
    if errors:
        raise ImportRejected(errors)
    return apply_plan(plan=plan, actor=actor, reference=reference, now=now)


@transaction.atomic
def catalog_upsert(
    *,
    brand: Brand,
    rows: Sequence[SkuRow],
    actor: Any = None,
    reference: str = "api",
    now: datetime | None = None,
) -> dict[str, int]:
    """Create or update products and SKUs by brand + code: all lines or none, and sending the
    same lines again changes nothing."""
    good: list[SkuRow] = []
    errors: list[RowError] = []
    incomplete: set[str] = set()
    for row in rows:
        if problems := row_errors(row):
            errors.extend(problems)
            incomplete.add(row.product_code)
        else:
            good.append(row)
    if errors:
        # Report the cross-item problems of the good items too: one answer lists everything.
        _plan, more = build_plan(brand=brand, rows=good, incomplete=incomplete)
        raise ImportRejected(sorted([*errors, *more], key=lambda error: error.line or 0))
    return _upsert(
        brand=brand, rows=rows, actor=actor, reference=reference, now=now or timezone.now()
    )


@transaction.atomic
def stock_levels_set(
    *, brand: Brand, levels: Sequence[StockLevelIn], actor: Any = None, reference: str = "api"
) -> dict[str, int]:
    """Set counted stock levels of the brand's SKUs: all or none, never below campaign holds."""
    brand = _lock_brand(brand)
    changes, unchanged, errors = plan_stock_levels(brand=brand, levels=levels)
    if errors:
        raise ImportRejected(errors)
    targets = [(change.sku, change.warehouse, change.on_hand) for change in changes]
    changed = set_levels(targets, actor=actor, reference=reference)
    return {"stock_changed": changed, "stock_unchanged": unchanged + len(changes) - changed}


# --- file imports -----------------------------------------------------------------------------


@transaction.atomic
def import_create(
    *, brand: Brand, upload: UploadedFile, actor: Any, language: str = ""
) -> ImportJob:
    """Accept a .csv/.xlsx file for import and start checking it in the background."""
    from kucun.catalog.tasks import import_run_task

    _check_writable(brand)
    name = (upload.name or "").rsplit("/", 1)[-1][:200]
    try:
        check_file_name(name)
    except FileProblem as problem:
        raise _invalid(str(problem), "file", "catalog.bad_file") from None
    if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
        raise _invalid(
            _("The file is larger than %(mb)s MB; split it into several files.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)},
            "file",
            "catalog.bad_file",
        )
    if upload.size == 0:
        raise _invalid(_("The file is empty."), "file", "catalog.bad_file")
    job = ImportJob.objects.create(
        brand=brand,
        file=upload,
        original_name=name,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    run_after_commit(import_run_task, job.pk)
    return job


def _job_update(job: ImportJob, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**fields)


def _job_fail(job: ImportJob, errors: Sequence[RowError]) -> None:
    stored = [error.as_dict() for error in errors[:MAX_STORED_ERRORS]]
    if len(errors) > MAX_STORED_ERRORS:
        more = len(errors) - MAX_STORED_ERRORS
        stored.append(RowError(None, "", _("… and %(n)s more.") % {"n": more}).as_dict())
    _job_update(job, status=ImportStatus.FAILED, errors=stored, finished_at=timezone.now())


def _read_rows(job: ImportJob) -> tuple[list[SkuRow], list[RowError]]:
    """Read the file and check each line on its own, saving progress as it goes."""
    with job.file.open("rb") as stream:
        table = read_table(stream, job.original_name)
    headers = map_headers(table.headers)
    _job_update(job, total_rows=len(table.rows))
    rows: list[SkuRow] = []
    errors: list[RowError] = []
    failed_products: set[str] = set()
    for done, (line, cells) in enumerate(table.rows, start=1):
        parsed = parse_row(line, cells, headers)
        if isinstance(parsed, SkuRow):
            rows.append(parsed)
        else:
            errors.extend(parsed)
            failed_products.add(headers.cell(cells, "product_code"))
        if done % PROGRESS_EVERY == 0:
            _job_update(job, processed_rows=done)
    if errors:
        # Compare the good lines with each other and the catalogue too, so the brand gets every
        # problem in one report; a title given only on a bad line is not missing.
        _plan, more = build_plan(brand=job.brand, rows=rows, incomplete=failed_products)
        errors.extend(more)
        errors.sort(key=lambda error: error.line or 0)
    _job_update(job, processed_rows=len(table.rows))
    return rows, errors


def import_run(*, job_id: int, now: datetime | None = None) -> ImportJob:
    """Check every line of an uploaded file; apply all of them in one transaction, or none.

    Runs once per job: a task delivered twice finds the job no longer pending and stops.
    """
    job = ImportJob.objects.select_related("brand", "created_by").get(pk=job_id)
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PENDING).update(
        status=ImportStatus.VALIDATING, started_at=now or timezone.now()
    )
    if not claimed:
        return job
    job.status = ImportStatus.VALIDATING
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            rows, errors = _read_rows(job)
            if errors:
                _job_fail(job, errors)
                return job
            _job_update(job, status=ImportStatus.APPLYING)
            with transaction.atomic():
                counts = _upsert(
                    brand=job.brand,
                    rows=rows,
                    actor=job.created_by,
                    reference=f"import:{job.pk}",
                    now=now or timezone.now(),
                )
            _job_update(job, status=ImportStatus.DONE, counts=counts, finished_at=timezone.now())
        except ImportRejected as rejected:
            _job_fail(job, rejected.errors)
        except FileProblem as problem:
            _job_fail(job, [RowError(None, "", str(problem))])
        except DomainError as error:
            _job_fail(job, [RowError(None, "", error.message)])
        except Exception:
            log.exception("import %s failed", job.pk)
            _job_fail(job, [RowError(None, "", _unexpected())])
    return job


# A job still unfinished this long after it was started (or uploaded) lost its worker.
STALE_AFTER = timedelta(minutes=30)
RUNNING = (ImportStatus.PENDING, ImportStatus.VALIDATING, ImportStatus.APPLYING)


def imports_fail_stale(*, now: datetime) -> int:
    """An import whose worker died is failed with a clear message instead of running forever.

    The apply step is one transaction, so a dead worker changed nothing; re-uploading the same
    file is safe either way (imports are idempotent). Each job is claimed by a conditional
    UPDATE, so a worker that finishes at the same moment wins and its result stands.
    """
    cutoff = now - STALE_AFTER
    stale = ImportJob.objects.filter(status__in=RUNNING).filter(
        Q(started_at__lt=cutoff) | Q(started_at__isnull=True, created_at__lt=cutoff)
    )
    failed = 0
    for job in stale.only("pk", "status", "language"):
        with translation.override(job.language or settings.LANGUAGE_CODE):
            message = _(
                "The import did not finish: the worker running it stopped. Nothing was "
                "changed; upload the file again."
            )
        failed += ImportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=ImportStatus.FAILED,
            errors=[RowError(None, "", message).as_dict()],
            finished_at=now,
        )
    return failed


def _unexpected() -> str:
    return _(
        "The import stopped because of an unexpected error; nothing was changed. "
        "Try again, or contact the platform if it happens again."
    )
