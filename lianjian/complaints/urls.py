from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("", views.complaint_list, name="list"),
    path("export/", views.complaint_export, name="export"),
    path("register/", views.complaint_register, name="register"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/identity/", views.complaint_identity, name="identity"),
    path("<int:pk>/do/<slug:action>/", views.complaint_action, name="action"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/documents/<slug:kind>/", views.complaint_document, name="document"),
    # The public one window: no account needed.
    path("public/submit/", views.submit, name="submit"),
    path("public/submitted/", views.submitted, name="submitted"),
    path("public/track/", views.track, name="track"),
]
