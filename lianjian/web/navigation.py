"""The main navigation, listed explicitly: each entry names its URL and who sees it."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN_NAV = [
    (_("我的期限"), "deadlines:mine", None),
    (_("消息"), "notifications:inbox", None),
    (_("通讯录"), "org:contact_book", None),
    (_("权责清单"), "org:power_lists", None),
    (_("后台任务"), "jobs:list", None),
    (_("审计日志"), "audit:list", None),
]

PUBLIC_NAV = [
    (_("权责清单公示"), "org:public_power_lists"),
]


def _entry(request, label, url_name):
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    return {"label": label, "url": url, "active": request.path.startswith(url)}


def navigation(request):
    """Context processor: the links the current user should see."""
    main = []
    if request.user.is_authenticated:
        for label, url_name, check in MAIN_NAV:
            if check is None or check(request.user):
                entry = _entry(request, label, url_name)
                if entry:
                    main.append(entry)
    public = [e for e in (_entry(request, label, name) for label, name in PUBLIC_NAV) if e]
    return {"main_nav": main, "public_nav": public}
