from django.urls import path

from puentes.workforce import views

app_name = "workforce"
urlpatterns = [
    path("", views.team, name="team"),
    path("workers/<uuid:worker_id>/", views.worker, name="worker"),
    path(
        "certifications/<uuid:certification_id>/scan/",
        views.certification_scan,
        name="certification_scan",
    ),
    path("training/", views.training, name="training"),
    path("courses/<uuid:course_id>/", views.course, name="course"),
    path("sessions/<uuid:session_id>/", views.session, name="session"),
]
