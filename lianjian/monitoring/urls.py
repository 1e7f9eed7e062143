from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.alert_list, name="alerts"),
    path("export/", views.alert_export, name="alerts_export"),
    path("alerts/<int:pk>/", views.alert_detail, name="alert_detail"),
    path("alerts/<int:pk>/<str:action>/", views.alert_act, name="alert_act"),
    path("watchlist/", views.watchlist, name="watchlist"),
    path("watchlist/export/", views.watchlist_export, name="watchlist_export"),
    path("watchlist/<int:pk>/end/", views.watch_entry_end, name="watch_entry_end"),
    path("market/", views.market, name="market"),
]
