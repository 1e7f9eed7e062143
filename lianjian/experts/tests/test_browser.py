"""The trading centre draws a committee in the browser; the list is sealed from everyone else."""

import pytest

from lianjian.conftest import login

from .factories import expert

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_centre_draws_a_sealed_committee_that_leaves_out_the_bidders_employee_and_others_see_no_names(
        page, world):
    conflicted = expert(world.office, name="冲突专家", employer=world.bidders[0])
    clean = [expert(world.office, name=f"候选专家{i}") for i in range(6)]

    login(page, "centre", "Lianjian-Test-2026")
    page.goto(f"/experts/extractions/lot/{world.lot.pk}/")
    page.get_by_label("评标专业 1").select_option(label="A0101 建筑工程施工")
    page.get_by_label("人数 1").fill("5")
    page.get_by_label("每专业备选人数").fill("1")
    page.get_by_role("button", name="随机抽取").click()
    page.wait_for_load_state()

    assert page.get_by_text("已完成第 1 次抽取，名单已密封").is_visible()
    picks = page.locator("section", has=page.get_by_role("heading", name="抽取名单"))
    text = picks.inner_text()
    assert sum(e.name in text for e in clean) == 6
    assert "冲突专家" in text and "回避" in text  # listed only as recused, with the reason
    extraction_url = page.url

    page.context.clear_cookies()
    login(page, "zjj", "Lianjian-Test-2026")
    page.goto(extraction_url)
    sealed = page.locator("section", has=page.get_by_role("heading", name="抽取名单")).inner_text()
    assert "密封" in sealed
    assert not any(e.name in sealed for e in clean) and conflicted.name not in sealed
