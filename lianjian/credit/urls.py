from django.urls import path

from . import views

app_name = "credit"

urlpatterns = [
    path("", views.entity_list, name="entity_list"),
    path("export/", views.entity_export, name="entity_export"),
    path("records/export/", views.record_export, name="record_export"),
    path("entities/<int:pk>/", views.entity_detail, name="entity_detail"),
    path("entities/<int:pk>/records/add/", views.record_add, name="record_add"),
    path("lists/", views.blacklist, name="blacklist"),
    path("lists/export/", views.entry_export, name="entry_export"),
    path("lists/new/", views.entry_add, name="entry_add"),
    path("lists/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("lists/<int:pk>/repair/", views.repair_submit, name="repair_submit"),
    path("measures/", views.measure_list, name="measure_list"),
    path("measures/export/", views.hit_export, name="hit_export"),
    path("measures/check/", views.lot_check, name="lot_check"),
    path("repairs/", views.repair_list, name="repair_list"),
    path("repairs/export/", views.repair_export, name="repair_export"),
    path("repairs/<int:pk>/", views.repair_detail, name="repair_detail"),
    path("repairs/<int:pk>/<str:name>/", views.repair_transition, name="repair_transition"),
    path("exposure/", views.exposure, name="exposure"),
]
