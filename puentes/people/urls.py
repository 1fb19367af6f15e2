from django.urls import path

from puentes.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.person_create, name="create"),
    path("<uuid:person_id>/", views.person_detail, name="detail"),
    path("<uuid:person_id>/edit/", views.person_edit, name="edit"),
    path("<uuid:person_id>/merge/", views.person_merge, name="merge"),
    path("<uuid:person_id>/identifiers/new/", views.identifier_add, name="identifier_add"),
    path(
        "identifiers/<uuid:identifier_id>/remove/",
        views.identifier_remove,
        name="identifier_remove",
    ),
    path("<uuid:person_id>/consents/new/", views.consent_record, name="consent_record"),
    path("consents/<uuid:consent_id>/revoke/", views.consent_revoke, name="consent_revoke"),
    path("<uuid:person_id>/household/", views.household_join, name="household_join"),
    path("<uuid:person_id>/household/leave/", views.household_leave, name="household_leave"),
    path("households/<uuid:household_id>/", views.household_detail, name="household"),
    path("<uuid:person_id>/workers/", views.worker_assign, name="worker_assign"),
    path(
        "<uuid:person_id>/workers/<uuid:member_id>/remove/",
        views.worker_unassign,
        name="worker_unassign",
    ),
]
