from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("history/<str:object_type>/<str:object_id>/", views.object_history, name="history"),
]
