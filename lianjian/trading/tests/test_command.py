import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from lianjian.trading.models import Lot, Stage
from lianjian.trading.services import lot_refresh_stages

from .factories import sample_rows, write_csv

pytestmark = pytest.mark.django_db


def test_the_import_command_reports_what_it_wrote(market, tmp_path):
    out = io.StringIO()
    call_command("import", "trading", str(write_csv(tmp_path / "a.csv", sample_rows())), "--no-progress", stdout=out)
    text = out.getvalue()
    assert "bid：新增 6，更新 0，删除 0" in text and "已完成" in text
    out = io.StringIO()
    call_command("import", "trading", str(tmp_path / "a.csv"), "--no-progress", stdout=out)
    assert "新增" not in out.getvalue()


def test_the_import_command_fails_on_a_bad_file_and_writes_the_error_report(market, tmp_path):
    rows = sample_rows()
    rows[0]["BID_PRICE"] = "abc"
    report = tmp_path / "errors.xlsx"
    with pytest.raises(CommandError, match="本文件未写入任何数据"):
        call_command("import", "trading", str(write_csv(tmp_path / "b.csv", rows)), "--no-progress",
                     "--errors", str(report), stdout=io.StringIO(), stderr=io.StringIO())
    assert report.exists() and not Lot.objects.exists()


def test_the_stage_follows_the_clock(market, tmp_path):
    rows = [dict(sample_rows()[3], BID_OPEN_TIME="2099-01-01 09:30:00", EVALUATION_START_TIME="")]
    call_command("import", "trading", str(write_csv(tmp_path / "c.csv", rows)), "--no-progress", stdout=io.StringIO())
    lot = Lot.objects.get()
    assert lot.stage == Stage.TENDERING
    later = timezone.make_aware(datetime.datetime(2099, 1, 1, 10, 0))
    assert lot_refresh_stages(as_of=later) == 1
    lot.refresh_from_db()
    assert lot.stage == Stage.OPENING
