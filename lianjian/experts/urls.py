from django.urls import path

from . import views

app_name = "experts"

urlpatterns = [
    path("", views.expert_list, name="list"),
    path("export/", views.expert_export, name="export"),
    path("blacklist/", views.blacklist, name="blacklist"),
    path("new/", views.expert_create, name="create"),
    path("<int:pk>/", views.expert_detail, name="detail"),
    path("<int:pk>/edit/", views.expert_edit, name="edit"),
    path("<int:pk>/status/", views.expert_status, name="status"),
    path("<int:pk>/declarations/add/", views.declaration_add, name="declaration_add"),
    path("<int:pk>/penalties/add/", views.penalty_add, name="penalty_add"),
    path("<int:pk>/assessments/add/", views.assessment_add, name="assessment_add"),
    path("extractions/", views.extraction_list, name="extractions"),
    path("extractions/lot/<int:lot_pk>/", views.extraction_new, name="extraction_new"),
    path("extractions/<int:pk>/", views.extraction_detail, name="extraction_detail"),
    path("extractions/<int:pk>/verify/", views.extraction_verify, name="extraction_verify"),
    path("extractions/<int:pk>/unseal/", views.extraction_unseal, name="extraction_unseal"),
    path("extractions/<int:pk>/evaluation/", views.evaluation_add, name="evaluation_add"),
]
