from django.urls import path

from . import views

app_name = "performance"

urlpatterns = [
    path("", views.review, name="review"),
    path("notices/", views.notice_list, name="notice_list"),
    path("notices/new/<int:unit_pk>/", views.notice_new, name="notice_new"),
    path("notices/<int:pk>/", views.notice_detail, name="notice_detail"),
]
