from django.urls import path

from puentes.workforce import views

app_name = "workforce"
urlpatterns = [
    path("", views.team, name="team"),
    path("workers/<uuid:worker_id>/", views.worker, name="worker"),
]
