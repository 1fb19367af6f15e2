from django.urls import path

from puentes.care import views

app_name = "care"
urlpatterns = [
    path("programs/", views.program_list, name="programs"),
    path("programs/new/", views.program_edit, name="program_new"),
    path("programs/<uuid:program_id>/edit/", views.program_edit, name="program_edit"),
    path("people/<uuid:person_id>/enroll/", views.enroll, name="enroll"),
    path("enrollments/<uuid:enrollment_id>/", views.enrollment_detail, name="enrollment"),
    path(
        "enrollments/<uuid:enrollment_id>/status/",
        views.enrollment_status,
        name="enrollment_status",
    ),
    path("people/<uuid:person_id>/goals/new/", views.goal_new, name="goal_new"),
    path("goals/<uuid:goal_id>/", views.goal_detail, name="goal"),
    path("goals/<uuid:goal_id>/status/", views.goal_status, name="goal_status"),
    path(
        "people/<uuid:person_id>/documents/<str:kind>/new/", views.document_new, name="document_new"
    ),
    path(
        "documents/<str:kind>/<uuid:document_id>/attachment/",
        views.document_download,
        name="document_download",
    ),
    path("follow-ups/", views.follow_up_list, name="follow_ups"),
    path("people/<uuid:person_id>/follow-ups/new/", views.follow_up_new, name="follow_up_new"),
    path("follow-ups/<uuid:follow_up_id>/", views.follow_up_detail, name="follow_up"),
    path("follow-ups/<uuid:follow_up_id>/close/", views.follow_up_close, name="follow_up_close"),
    path("people/<uuid:person_id>/encounters/new/", views.encounter_new, name="encounter_new"),
    path("encounters/<uuid:encounter_id>/", views.encounter_detail, name="encounter"),
    path("encounters/<uuid:encounter_id>/edit/", views.encounter_edit, name="encounter_edit"),
    path("people/<uuid:person_id>/timeline/", views.person_timeline, name="person_timeline"),
    path("team/", views.team, name="team"),
    path("team/<uuid:member_id>/", views.team_member, name="team_member"),
]
