from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("two-factor/", views.totp_enrol, name="totp"),
    path("two-factor/verify/", views.totp_verify, name="totp_verify"),
]
