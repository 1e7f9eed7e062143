"""The main navigation, listed explicitly: sections of entries, each naming its URL and who sees it.

An entry whose URL is not installed is left out, so a deployment without a module shows no dead link; the test
``test_navigation`` checks that every entry of this platform resolves.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (section label, [(entry label, URL name, check or None)]). A check takes the user and says whether to show the
# entry; the page itself still enforces its permission.
MAIN_NAV = [
    (_("日常工作"), [
        (_("我的期限"), "deadlines:mine", None),
        (_("消息"), "notifications:inbox", None),
        (_("工作日历"), "workdays:calendar", None),
    ]),
    (_("协同组织"), [
        (_("成员单位"), "org:units", None),
        (_("通讯录"), "org:contact_book", None),
        (_("权责清单"), "org:power_lists", None),
        (_("联席会议"), "meetings:list", None),
        (_("督办事项"), "meetings:task_list", None),
        (_("权责交叉与空白"), "meetings:power_gaps", None),
        (_("信息共享"), "sharing:exchange_list", None),
        (_("效能考核"), "performance:review", None),
    ]),
    (_("交易数据"), [
        (_("项目与标段"), "trading:lot_list", None),
        (_("交易目录核查"), "trading:catalog", None),
        (_("评标专家库"), "experts:list", None),
        (_("专家抽取"), "experts:extractions", None),
    ]),
    (_("智慧监管"), [
        (_("风险预警"), "monitoring:alerts", None),
        (_("重点关注名单"), "monitoring:watchlist", None),
        (_("预警总览"), "monitoring:market", None),
        (_("监管大数据分析"), "dashboards:index", None),
    ]),
    (_("监督执法"), [
        (_("投诉举报"), "complaints:list", None),
        (_("问题线索"), "cases:clue_list", None),
        (_("案件办理"), "cases:case_list", None),
        (_("移送与协助"), "cases:transfer_list", None),
        (_("双随机抽查"), "inspections:plan_list", None),
    ]),
    (_("信用监管"), [
        (_("信用档案"), "credit:entity_list", None),
        (_("严重失信名单"), "credit:blacklist", None),
        (_("联合惩戒措施"), "credit:measure_list", None),
        (_("信用修复"), "credit:repair_list", None),
    ]),
    (_("监督通道"), [
        (_("全量数据查询"), "oversight:search", None),
        (_("查询记录"), "oversight:access_log", None),
    ]),
    (_("信息公开"), [
        (_("信息公开记录"), "portal:records", None),
        (_("逾期未公开"), "portal:overdue", None),
    ]),
    (_("系统"), [
        (_("后台任务"), "jobs:list", None),
        (_("审计日志"), "audit:list", None),
    ]),
]

PUBLIC_NAV = [
    (_("网上投诉举报"), "complaints:submit"),
    (_("投诉举报进度查询"), "complaints:track"),
    (_("权责清单公示"), "org:public_power_lists"),
    (_("双随机抽查公示"), "inspections:public_results"),
    (_("信息公开"), "portal:home"),
    (_("曝光台"), "credit:exposure"),
]


def _entry(request, label, url_name):
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    return {"label": label, "url": url, "active": request.path.startswith(url)}


def navigation(request):
    """Context processor: the sections and links the current user should see."""
    sections = []
    if request.user.is_authenticated:
        for title, entries in MAIN_NAV:
            links = [_entry(request, label, url_name) for label, url_name, check in entries
                     if check is None or check(request.user)]
            links = [link for link in links if link]
            if links:
                sections.append({"title": title, "links": links})
    public = [e for e in (_entry(request, label, name) for label, name in PUBLIC_NAV) if e]
    return {"nav_sections": sections, "public_nav": public}
