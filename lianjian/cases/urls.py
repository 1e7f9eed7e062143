from django.urls import path

from .views import cases, clues, transfers

app_name = "cases"

urlpatterns = [
    path("", clues.clue_list, name="clue_list"),
    path("clues/export/", clues.clue_export, name="clue_export"),
    path("clues/new/", clues.clue_create, name="clue_create"),
    path("clues/witness/", clues.witness_create, name="witness_create"),
    path("clues/<int:pk>/", clues.clue_detail, name="clue_detail"),
    path("clues/<int:pk>/assign/", clues.clue_assign, name="clue_assign"),
    path("clues/<int:pk>/report/", clues.clue_report, name="clue_report"),
    path("clues/<int:pk>/conclude/", clues.clue_conclude, name="clue_conclude"),
    path("clues/<int:clue_pk>/case/", cases.case_create, name="case_create"),
    path("cases/", cases.case_list, name="case_list"),
    path("cases/export/", cases.case_export, name="case_export"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/decide/", cases.case_decide, name="case_decide"),
    path("cases/<int:pk>/decision.docx", cases.case_decision_docx, name="case_decision_docx"),
    path("cases/<int:pk>/<slug:step>/", cases.case_step, name="case_step"),
    path("transfers/", transfers.transfer_list, name="transfer_list"),
    path("transfers/export/", transfers.transfer_export, name="transfer_export"),
    path("transfers/new/", transfers.transfer_create, name="transfer_create"),
    path("transfers/<int:pk>/", transfers.transfer_detail, name="transfer_detail"),
    path("transfers/<int:pk>/<slug:document>.docx", transfers.transfer_docx, name="transfer_docx"),
    path("transfers/<int:pk>/<slug:step>/", transfers.transfer_step, name="transfer_step"),
]
