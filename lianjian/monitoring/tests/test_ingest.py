import dataclasses

import pytest
from django.core.exceptions import ValidationError

from lianjian.analytics.findings import Finding
from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.deadlines.models import Deadline
from lianjian.monitoring import selectors
from lianjian.monitoring.models import Alert, AlertState
from lianjian.monitoring.services import alert_confirm, alert_dismiss, alert_ingest
from lianjian.notifications.models import Notification
from lianjian.org.models import PowerKind, RoleCode, Sector
from lianjian.org.tests.factories import PowerItemFactory, PowerListFactory, actor

from .factories import LotFactory, mac_finding


def test_a_finding_becomes_an_alert_dispatched_to_the_lots_supervising_unit_with_a_triage_deadline(world):
    counts = alert_ingest(findings=[mac_finding(world.lot, world.bidders)], source="screen run 1")

    alert = Alert.objects.get()
    assert counts["created"] == 1 and counts["unassigned"] == 0
    assert alert.lot == world.lot and alert.region == world.city
    assert alert.unit == world.units.housing and alert.state == AlertState.PENDING
    assert alert.dispatch_basis == "标段监督部门"
    assert alert.evidence["shared"] == {"mac_address": "00:1A:2B:3C:4D:5E"}
    deadline = Deadline.objects.get(object_id=alert.pk, rule__code="alert_triage")
    assert deadline.responsible_unit == world.units.housing
    assert Notification.objects.filter(recipient=world.housing, subject__contains="新分办风险预警 1 条").exists()
    assert not Notification.objects.filter(recipient=world.transport).exists()
    assert AuditEntry.objects.filter(action="monitoring.alert.create", object_id=str(alert.pk)).exists()


def test_running_the_same_screens_again_updates_the_alert_and_never_duplicates_it(world):
    finding = mac_finding(world.lot, world.bidders)
    alert_ingest(findings=[finding], source="run 1")
    counts = alert_ingest(findings=[finding], source="run 2")

    alert = Alert.objects.get()
    assert counts["unchanged"] == 1 and counts["created"] == 0
    assert alert.runs_seen == 2
    assert Deadline.objects.filter(object_id=alert.pk).count() == 1
    assert Notification.objects.filter(recipient=world.housing).count() == 1


def test_new_evidence_on_an_open_alert_replaces_the_old_and_outdates_pages_read_before(world):
    alert_ingest(findings=[mac_finding(world.lot, world.bidders)], source="run 1")
    before = Alert.objects.get()
    counts = alert_ingest(findings=[mac_finding(world.lot, world.bidders, mac="00:FF:FF:FF:FF:01", score=0.95)],
                          source="run 2")

    alert = Alert.objects.get()
    assert counts["updated"] == 1
    assert alert.score == 0.95 and alert.evidence["shared"]["mac_address"] == "00:FF:FF:FF:FF:01"
    assert alert.state_version > before.state_version


def test_a_dismissed_alert_stays_dismissed_when_the_same_evidence_is_found_again(world):
    finding = mac_finding(world.lot, world.bidders, cv=0.3)
    alert_ingest(findings=[finding], source="run 1")
    alert_dismiss(alert=Alert.objects.get(), reason="同一代理机构电脑代为上传，已核实", actor=world.housing)

    # 0.1 + 0.2 is 0.30000000000000004: a statistic recomputed on another engine is the same evidence.
    jittered = dataclasses.replace(finding, evidence={**finding.evidence, "cv": 0.1 + 0.2}, score=0.91)
    counts = [alert_ingest(findings=[f], source="run") for f in (finding, jittered)]

    alert = Alert.objects.get()
    assert [c["suppressed"] for c in counts] == [1, 1]
    assert alert.state == AlertState.DISMISSED and alert.runs_seen == 3


def test_a_dismissed_alert_comes_back_to_the_competent_unit_when_the_evidence_changes_materially(world):
    alert_ingest(findings=[mac_finding(world.lot, world.bidders[:2])], source="run 1")
    alert_dismiss(alert=Alert.objects.get(), reason="两家为母子公司，已报备", actor=world.housing)

    changed = mac_finding(world.lot, world.bidders[:2], mac="00:AA:BB:CC:DD:EE")
    counts = alert_ingest(findings=[changed], source="run 2")

    alert = Alert.objects.get()
    assert counts["reopened"] == 1
    assert alert.state == AlertState.PENDING and alert.unit == world.units.housing
    assert alert.dismiss_reason == "" and alert.triaged_by is None
    assert Deadline.objects.filter(object_id=alert.pk, state="open").count() == 1
    assert AuditEntry.objects.filter(action="monitoring.alert.reopen", object_id=str(alert.pk)).exists()


def test_a_confirmed_alert_keeps_the_evidence_it_was_confirmed_on(world):
    alert_ingest(findings=[mac_finding(world.lot, world.bidders)], source="run 1")
    alert_confirm(alert=Alert.objects.get(), actor=world.housing)

    counts = alert_ingest(findings=[mac_finding(world.lot, world.bidders, mac="00:00:00:00:00:01")], source="run 2")

    alert = Alert.objects.get()
    assert counts["kept"] == 1
    assert alert.state == AlertState.CONFIRMED and alert.evidence["shared"]["mac_address"] == "00:1A:2B:3C:4D:5E"


def test_without_a_supervising_unit_the_unit_whose_published_power_list_covers_the_sector_gets_the_alert(world):
    lot = LotFactory(region=world.county)
    housing = Sector.objects.get(code="construction.housing")
    power_list = PowerListFactory(unit=world.units.transport, status="published")
    PowerItemFactory(power_list=power_list, kind=PowerKind.PENALTY, sector=housing.parent or housing)

    alert_ingest(findings=[mac_finding(lot, world.bidders)], source="run")

    alert = Alert.objects.get()
    assert alert.unit == world.units.transport
    assert "权责清单" in alert.dispatch_basis


def test_a_lot_no_unit_is_competent_for_waits_for_the_lead_office_to_dispatch_it(world):
    lot = LotFactory(region=world.county)

    counts = alert_ingest(findings=[mac_finding(lot, world.bidders)], source="run")

    alert = Alert.objects.get()
    assert counts["unassigned"] == 1
    assert alert.state == AlertState.UNASSIGNED and alert.unit is None
    assert list(selectors.alerts_for(actor=world.office)) == [alert]
    assert not Deadline.objects.filter(object_id=alert.pk).exists()


def test_a_finding_about_a_lot_not_in_the_database_is_kept_for_the_administrators(world):
    admin = actor(world.units.office, RoleCode.ADMIN)
    finding = Finding(indicator="P-FEW-BIDS", lot_code="UNKNOWN-LOT-1", score=0.5, severity="low",
                      evidence={"bids": 2})

    alert_ingest(findings=[finding], source="parquet import")

    alert = Alert.objects.get()
    assert alert.lot is None and alert.region is None and alert.state == AlertState.UNASSIGNED
    assert list(selectors.alerts_for(actor=admin)) == [alert]
    assert list(selectors.alerts_for(actor=world.office)) == []


def test_one_bad_finding_rejects_the_whole_run_naming_it_and_nothing_is_written(world):
    good = mac_finding(world.lot, world.bidders)
    bad = Finding(indicator="C40-MAC", lot_code=world.lot.code, score=1.7, severity="critical")

    with pytest.raises(ValidationError) as error:
        alert_ingest(findings=[good, bad], source="run")

    message = " ".join(error.value.message_dict["findings"])
    assert "第 2 条发现" in message and "风险分值" in message and "预警等级" in message
    assert not Alert.objects.exists()


def test_an_officer_of_a_supervising_bureau_may_not_load_findings(world):
    with pytest.raises(AccessDenied):
        alert_ingest(findings=[mac_finding(world.lot, world.bidders)], source="run", actor=world.housing)
    assert not Alert.objects.exists()


def test_the_trading_centre_may_load_findings_and_sees_the_progress_of_large_runs(world):
    lots = [LotFactory(supervising_unit=world.units.housing, region=world.city) for _ in range(3)]
    findings = [mac_finding(lot, world.bidders) for lot in lots] * 90
    seen = []

    counts = alert_ingest(findings=findings, source="run", actor=world.centre,
                          progress=lambda done, total: seen.append((done, total)))

    assert counts["created"] == 3 and counts["unchanged"] == 267
    assert seen == [(200, 270), (270, 270)]
    assert Notification.objects.filter(recipient=world.housing).count() == 1


def test_an_alert_carries_the_engines_name_and_legal_basis_for_its_indicator(world):
    from lianjian.analytics import indicators

    indicator = indicators()[0]
    finding = dataclasses.replace(mac_finding(world.lot, world.bidders), indicator=indicator.code)

    alert_ingest(findings=[finding], source="run")

    alert = Alert.objects.get()
    assert (alert.indicator_name, alert.family, alert.basis) == (indicator.name_zh, indicator.family, indicator.basis)


def test_the_automatic_dispatch_is_in_the_audit_log_with_its_basis(world):
    alert_ingest(findings=[mac_finding(world.lot, world.bidders)], source="run")

    entry = AuditEntry.objects.get(action="monitoring.alert.dispatch")
    assert entry.after == {"state": "pending", "unit": world.units.housing.pk, "dispatch_basis": "标段监督部门"}
