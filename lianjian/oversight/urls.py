from django.urls import path

from . import views

app_name = "oversight"

urlpatterns = [
    path("", views.search, name="search"),
    path("open/<slug:dataset>/<int:pk>/", views.open_item, name="open"),
    path("log/", views.access_log, name="access_log"),
]
