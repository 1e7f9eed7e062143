"""RSS and JSON feeds of the published records, filtered like the search page."""

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import PublicSearchForm
from .selectors import public_publications

FEED_SIZE = 50


def _feed_rows(request):
    return public_publications(**PublicSearchForm(request.GET or None).filters())[:FEED_SIZE]


class PublicationFeed(Feed):
    title = gettext_lazy("公共资源交易信息公开")
    description = gettext_lazy("公共资源交易监管信息公开（投诉处理决定、行政处罚、抽查结果、曝光台等）")

    def get_object(self, request, *args, **kwargs):
        return request

    def link(self):
        return reverse("portal:home")

    def items(self, request):
        return _feed_rows(request)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.item.name]

    def item_author_name(self, item):
        return item.unit.name


def publication_dict(request, item):
    return {
        "id": item.pk, "title": item.title, "body": item.body, "catalog_item": item.item.name,
        "category": item.item.get_category_display(), "unit": item.unit.name, "region": item.region.name,
        "published_at": item.published_at.isoformat(), "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def json_feed(request):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the same records as the RSS feed."""
    items = [{
        "id": str(row.pk), "url": request.build_absolute_uri(row.get_absolute_url()), "title": row.title,
        "content_text": row.body, "date_published": row.published_at.isoformat(), "tags": [row.item.name],
        "authors": [{"name": row.unit.name}],
    } for row in _feed_rows(request)]
    return JsonResponse({
        "version": "https://jsonfeed.org/version/1.1", "title": _("公共资源交易信息公开"),
        "home_page_url": request.build_absolute_uri(reverse("portal:home")),
        "feed_url": request.build_absolute_uri(request.get_full_path()), "items": items,
    }, json_dumps_params={"ensure_ascii": False})
