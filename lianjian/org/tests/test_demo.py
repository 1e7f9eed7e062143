import io

import pytest
from django.core.management import call_command

from lianjian.audit.models import AuditEntry
from lianjian.deadlines.models import Deadline
from lianjian.org import selectors
from lianjian.org.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from lianjian.org.models import LiaisonAssignment, PowerItem, PowerList, PowerListStatus, Region, Unit, User
from lianjian.org.services import power_item_check

pytestmark = pytest.mark.django_db


def _counts():
    return {model.__name__: model.objects.count()
            for model in (Region, Unit, User, LiaisonAssignment, PowerList, PowerItem, Deadline, AuditEntry)}


def _run(**options):
    out = io.StringIO()
    call_command("demo", stdout=out, **{"trading": 0, "experts": 0, **options})
    return out.getvalue()


def test_a_second_run_changes_nothing_and_both_runs_print_the_accounts_that_can_log_in(client):
    first = _run()
    counts = _counts()
    second = _run()
    assert _counts() == counts
    assert "处变更" in first and "未作任何变更" in second
    assert counts["Region"] == 15 and counts["Unit"] == 22
    assert Region.objects.get(code="330127").parent.code == "330100"
    for username in DEMO_ACCOUNTS:
        for output in (first, second):
            line = next(line for line in output.splitlines() if line.startswith(username + " "))
            assert DEMO_PASSWORD in line
        assert client.login(username=username, password=DEMO_PASSWORD), username
    assert User.objects.get(username="admin").is_superuser


def test_the_demo_city_has_liaisons_a_flagged_late_report_and_published_lists_with_real_legal_bases():
    _run()
    office = User.objects.get(username="office")
    rows = selectors.contact_book(actor=office)
    assert rows and all(row.person is not None for row in rows)
    late = LiaisonAssignment.objects.filter(reported_on_time=False)
    assert [a.unit.name for a in late] == ["余杭区住房和城乡建设局"]

    housing = Unit.objects.get(name="杭州市住房和城乡建设局")
    published = PowerList.objects.get(unit=housing, status=PowerListStatus.PUBLISHED)
    item = published.items.get(code="CF-ZJ-001")
    assert "第五十三条" in item.legal_basis
    assert power_item_check(unit=housing, power_item=item, kinds=["penalty"]) == item
    finance = PowerList.objects.get(unit__name="杭州市财政局", status=PowerListStatus.PUBLISHED)
    assert finance.items.filter(legal_basis__contains="第七十七条").exists()


def test_the_demo_with_a_trading_market_imports_its_lots_and_expert_pool_once(settings, tmp_path):
    from lianjian.experts.models import Expert
    from lianjian.trading.models import Bid, Lot

    settings.DATA_DIR = tmp_path
    first = _run(trading=40, experts=30, seed=7)
    lots, bids, experts = Lot.objects.count(), Bid.objects.count(), Expert.objects.count()
    assert lots == 40 and bids > 40 and experts == 30
    assert "40 个标段" in first and f"{bids} 份投标" in first and "新登记 30 人" in first
    assert (tmp_path / "synthetic" / "demo-7-40").is_dir()

    second = _run(trading=40, experts=30, seed=7)
    assert (Lot.objects.count(), Bid.objects.count(), Expert.objects.count()) == (lots, bids, experts)
    assert "新登记 0 人" in second


def test_a_negative_market_size_is_refused_with_a_message_naming_the_option():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--trading"):
        _run(trading=-1)
