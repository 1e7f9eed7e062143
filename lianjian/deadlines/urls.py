from django.urls import path

from . import views

app_name = "deadlines"

urlpatterns = [
    path("", views.my_deadlines, name="mine"),
    path("export.xlsx", views.export, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.act, name="act"),
]
