from django.urls import path

from puentes.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.find_help, name="search"),
    path("services/<uuid:record_id>/", views.service_page, name="service"),
    path("services/<uuid:record_id>/edit/", views.service_edit, name="edit"),
    path("services/<uuid:record_id>/capacity/", views.capacity_set, name="capacity"),
    path("services/<uuid:record_id>/verify/", views.listing_verify, name="verify"),
    path("services/<uuid:record_id>/report/", views.report_problem, name="report"),
    path("corrections/", views.corrections, name="corrections"),
    path(
        "corrections/<uuid:correction_id>/resolve/",
        views.correction_resolve,
        name="correction_resolve",
    ),
    path("imports/", views.imports, name="imports"),
    path("imports/<uuid:import_id>/", views.import_page, name="import"),
    path("imports/<uuid:import_id>/cancel/", views.import_cancel, name="import_cancel"),
    path("imports/<uuid:import_id>/confirm/", views.import_confirm, name="import_confirm"),
]
