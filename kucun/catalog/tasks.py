from celery import shared_task

from kucun.catalog.services import import_run


@shared_task(name="kucun.catalog.tasks.import_run_task")
def import_run_task(job_id: int) -> None:
    """Check and apply one uploaded import file (see ``services.import_run``)."""
    import_run(job_id=job_id)
