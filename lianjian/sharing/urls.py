from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("", views.exchange_list, name="exchange_list"),
    path("new/", views.exchange_new, name="exchange_new"),
    path("<int:pk>/", views.exchange_detail, name="exchange_detail"),
    path("<int:pk>/download/", views.exchange_download, name="exchange_download"),
    path("receipts/<int:pk>/receive/", views.exchange_receive, name="exchange_receive"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/file/", views.request_file, name="request_file"),
    path("requests/<int:pk>/<slug:action>/", views.request_act, name="request_act"),
]
