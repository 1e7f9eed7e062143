"""The whole journey in a browser: plan → task → commitment → witness → draw → results → publication → the public
page shows the results and verifies the draw."""

import pytest
from django.utils import timezone

from lianjian.conftest import login
from lianjian.experts.tests.factories import EntityFactory
from lianjian.inspections.tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Lianjian-Test-2026"


def test_an_office_plans_and_draws_officers_record_results_and_the_public_verifies_them(page):
    unit = f.supervisor(name="杭州市住房和城乡建设局")
    _office, office_actor = f.lead_office()
    item = f.item(unit, name="房建工程招标投标活动检查")
    officers = [f.inspector(unit) for _ in range(2)]
    for n in range(2):
        f.inspection_object(entity=EntityFactory(name=f"杭州抽查建设有限公司{n}"), credit="D")
    today = timezone.localdate()

    login(page, office_actor.username, PASSWORD)
    page.goto("/inspections/")
    new_plan = page.get_by_role("region", name="新建年度抽查计划")
    new_plan.get_by_label("年度").fill(str(today.year))
    new_plan.get_by_label("计划名称").fill(f"{today.year}年度公共资源交易双随机抽查计划")
    page.get_by_role("button", name="创建计划").click()
    page.get_by_text("已创建年度抽查计划").wait_for()

    page.get_by_label("任务名称").fill("房建工程联合抽查")
    page.get_by_label(item.name).check()
    page.get_by_label("对象类型").select_option("entity")
    page.get_by_label("计划开始日期").fill(today.replace(month=1, day=1).isoformat())
    page.get_by_label("计划结束日期").fill(today.replace(month=12, day=31).isoformat())
    page.get_by_role("button", name="添加任务").click()
    page.get_by_text("已添加抽查任务").wait_for()

    page.get_by_role("button", name="公布种子承诺").click()
    page.get_by_text("已公布种子承诺值").wait_for()
    page.get_by_label("见证人", exact=True).fill("市纪委监委驻场监督员")
    page.get_by_label("见证人随机值").fill("20250815")
    page.get_by_role("button", name="添加见证人随机值").click()
    page.get_by_text("已记录见证人随机值").wait_for()
    page.get_by_role("button", name="执行抽取").click()
    page.get_by_text("抽取完成").wait_for()
    assert page.get_by_text("杭州抽查建设有限公司0").is_visible()
    task_url = page.url

    page.context.clear_cookies()
    login(page, officers[0].person.username, PASSWORD)
    page.goto(task_url)
    for n in range(2):
        page.get_by_label("检查对象", exact=True).select_option(label=f"杭州抽查建设有限公司{n}")
        page.get_by_label("检查结果", exact=True).select_option("no_problem")
        page.get_by_label("检查情况", exact=True).fill(f"第{n}家：招标文件及合同备案齐全")
        page.get_by_label("检查日期", exact=True).fill(today.isoformat())
        page.get_by_role("button", name="登记结果").click()
        page.get_by_text("已登记检查结果").wait_for()

    page.context.clear_cookies()
    login(page, office_actor.username, PASSWORD)
    page.goto(task_url)
    page.get_by_role("button", name="结束检查").click()
    page.get_by_text("检查已结束").wait_for()
    page.get_by_role("button", name="公示抽查结果").click()
    page.get_by_text("抽查结果已公示").wait_for()

    page.context.clear_cookies()
    page.goto("/inspections/public/")
    page.get_by_role("link", name="查看结果与复核").click()
    page.get_by_text("复核通过").wait_for()
    assert page.get_by_text("第0家：招标文件及合同备案齐全").is_visible()
    assert page.get_by_text("市纪委监委驻场监督员").is_visible()
