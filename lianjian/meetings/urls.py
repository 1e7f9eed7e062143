from django.urls import path

from .views import gaps, meetings, tasks

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("export/", meetings.meeting_export, name="export"),
    path("request/", meetings.meeting_request, name="request"),
    path("report/", meetings.annual_report, name="annual_report"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/update/", meetings.meeting_update, name="update"),
    path("<int:pk>/propose/", meetings.agenda_propose, name="propose"),
    path("<int:pk>/minutes/", meetings.meeting_minutes, name="minutes"),
    path("<int:pk>/<slug:name>/", meetings.meeting_action, name="action"),
    path("agenda/<int:pk>/<slug:name>/", meetings.agenda_action, name="agenda_action"),
    path("tasks/", tasks.task_list, name="task_list"),
    path("tasks/export/", tasks.task_export, name="task_export"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("tasks/<int:pk>/progress/", tasks.task_progress, name="task_progress"),
    path("tasks/<int:pk>/complete/", tasks.task_complete, name="task_complete"),
    path("notices/", tasks.notice_list, name="notice_list"),
    path("notices/issue/", tasks.notice_issue, name="notice_issue"),
    path("notices/<int:pk>/", tasks.notice_detail, name="notice_detail"),
    path("powers/", gaps.power_gaps, name="power_gaps"),
    path("powers/export/", gaps.power_gaps_export, name="power_gaps_export"),
    path("powers/to-agenda/", gaps.gap_to_agenda, name="gap_to_agenda"),
]
