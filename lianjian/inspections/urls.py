from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("export/", views.plan_export, name="plan_export"),
    path("new/", views.plan_create, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/publish/", views.plan_publish, name="plan_publish"),
    path("<int:pk>/tasks/new/", views.task_create, name="task_create"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/draw/", views.draw_commit, name="draw_commit"),
    path("tasks/<int:pk>/results/", views.result_add, name="result_add"),
    path("tasks/<int:pk>/results/export/", views.task_results_export, name="task_results_export"),
    path("tasks/<int:pk>/finish/", views.task_finish, name="task_finish"),
    path("tasks/<int:pk>/publish/", views.task_publish, name="task_publish"),
    path("tasks/<int:pk>/notice/<int:obj_pk>/", views.task_notice, name="task_notice"),
    path("draws/<int:pk>/witness/", views.draw_witness, name="draw_witness"),
    path("draws/<int:pk>/execute/", views.draw_execute, name="draw_execute"),
    path("mine/", views.my_tasks, name="my_tasks"),
    path("items/", views.item_list, name="item_list"),
    path("inspectors/", views.inspector_list, name="inspector_list"),
    path("objects/", views.object_list, name="object_list"),
    path("public/", views.public_results, name="public_results"),
    path("public/draws/<int:pk>/", views.public_draw, name="public_draw"),
    path("public/draws/<int:pk>/record.json", views.public_draw_record, name="public_draw_record"),
]
