from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("units/", views.unit_list, name="units"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:unit_pk>/liaison/", views.liaison_change, name="liaison_change"),
    path("people/", views.people_list, name="people"),
    path("liaisons/", views.liaison_list, name="liaisons"),
    path("contacts/", views.contact_book, name="contact_book"),
    path("contacts/export/", views.contact_book_export, name="contact_book_export"),
    path("power-lists/", views.power_lists, name="power_lists"),
    path("power-lists/new/", views.power_list_create_draft, name="power_list_create_draft"),
    path("power-lists/<int:pk>/", views.power_list_detail, name="power_list_detail"),
    path("power-lists/<int:pk>/export/", views.power_list_export, name="power_list_export"),
    path("power-lists/<int:pk>/items/add/", views.power_item_add, name="power_item_add"),
    path("power-lists/<int:pk>/import/", views.power_list_import, name="power_list_import"),
    path("power-lists/<int:pk>/publish/", views.power_list_publish, name="power_list_publish"),
    path("power-items/<int:pk>/edit/", views.power_item_edit, name="power_item_edit"),
    path("power-items/<int:pk>/remove/", views.power_item_remove, name="power_item_remove"),
    path("public/power-lists/", views.public_power_lists, name="public_power_lists"),
]
