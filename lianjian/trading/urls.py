from django.urls import path

from . import views

app_name = "trading"

urlpatterns = [
    path("", views.lot_list, name="lot_list"),
    path("lots/<int:pk>/", views.lot_detail, name="lot_detail"),
    path("entities/<str:credit_code>/", views.entity_detail, name="entity_detail"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/status/", views.import_status, name="import_status"),
    path("import/<int:pk>/errors.xlsx", views.import_errors, name="import_errors"),
    path("catalog/", views.catalog_checks, name="catalog"),
]
