from django.urls import path

from puentes.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.find_help, name="search"),
    path("services/<uuid:record_id>/", views.service_page, name="service"),
]
