from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

api_v1 = [
    path("org/", include("lianjian.org.api")),
    path("workdays/", include("lianjian.workdays.api")),
    path("deadlines/", include("lianjian.deadlines.api")),
    path("notifications/", include("lianjian.notifications.api")),
    path("jobs/", include("lianjian.jobs.api")),
    path("audit/", include("lianjian.audit.api")),
    path("trading/", include("lianjian.trading.api")),
    path("experts/", include("lianjian.experts.api")),
    path("monitoring/", include("lianjian.monitoring.api")),
    path("complaints/", include("lianjian.complaints.api")),
    path("cases/", include("lianjian.cases.api")),
    path("inspections/", include("lianjian.inspections.api")),
    path("meetings/", include("lianjian.meetings.api")),
    path("sharing/", include("lianjian.sharing.api")),
    path("oversight/", include("lianjian.oversight.api")),
    path("performance/", include("lianjian.performance.api")),
    path("credit/", include("lianjian.credit.api")),
    path("portal/", include("lianjian.portal.api")),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file, so the page runs under script-src 'self'.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("api/v1/", include(api_v1)),
    path("org/", include("lianjian.org.urls")),
    path("workdays/", include("lianjian.workdays.urls")),
    path("deadlines/", include("lianjian.deadlines.urls")),
    path("notifications/", include("lianjian.notifications.urls")),
    path("jobs/", include("lianjian.jobs.urls")),
    path("audit/", include("lianjian.audit.urls")),
    path("trading/", include("lianjian.trading.urls")),
    path("experts/", include("lianjian.experts.urls")),
    path("monitoring/", include("lianjian.monitoring.urls")),
    path("complaints/", include("lianjian.complaints.urls")),
    path("cases/", include("lianjian.cases.urls")),
    path("inspections/", include("lianjian.inspections.urls")),
    path("meetings/", include("lianjian.meetings.urls")),
    path("sharing/", include("lianjian.sharing.urls")),
    path("oversight/", include("lianjian.oversight.urls")),
    path("performance/", include("lianjian.performance.urls")),
    path("credit/", include("lianjian.credit.urls")),
    path("public/", include("lianjian.portal.urls")),
    path("dashboards/", include("lianjian.dashboards.urls")),
    path("account/", include("lianjian.accounts.urls")),
    path("", include("lianjian.web.urls")),
]
