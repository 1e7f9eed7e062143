from django.urls import path

from . import feeds, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("catalog/", views.catalog, name="catalog"),
    path("items/<int:pk>/", views.detail, name="detail"),
    path("feed.rss", feeds.PublicationFeed(), name="feed_rss"),
    path("feed.json", feeds.json_feed, name="feed_json"),
    path("records/", views.records, name="records"),
    path("overdue/", views.overdue, name="overdue"),
]
