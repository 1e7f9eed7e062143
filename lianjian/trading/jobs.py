"""Background jobs of the trading domain: importing uploaded files and keeping lot stages current."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import job_handler, periodic

from .models import ImportRun
from .services import IMPORT_JOB_KIND, lot_refresh_stages, trading_import, trading_import_fail


@job_handler(IMPORT_JOB_KIND, label=_("导入交易数据"))
def import_trading(ctx):
    """Import the run's files one by one; each committed file is checkpointed in its own transaction, so a job
    resumed after a crash continues with the next file."""
    run = ImportRun.objects.select_related("default_region").get(pk=ctx.params["run"])
    start = (ctx.checkpoint or {}).get("next_file", 0)
    try:
        run = trading_import(
            paths=run.paths, names=run.files, actor=ctx.actor, default_region=run.default_region,
            skip_bad_rows=run.skip_bad_rows, progress=ctx.progress, should_stop=ctx.is_cancelled, run=run,
            start_file=start, on_file_committed=lambda index: ctx.save_checkpoint({"next_file": index + 1}),
        )
    except BaseException as exc:
        trading_import_fail(run=run, message=str(exc) or exc.__class__.__name__)
        raise
    return {"import_run": run.pk, "status": run.status, "rows": run.rows_read, "bad_rows": run.rows_bad,
            "message": run.message}


# Stages follow the clock (a bid opening scheduled for 9:30 moves its lot to 开标 at 9:30), so they are refreshed
# hourly besides after every import.
@periodic("trading.refresh_stages", every=timedelta(hours=1), label=_("更新标段阶段"))
def refresh_stages(ctx):
    return {"changed": lot_refresh_stages(actor=None)}
