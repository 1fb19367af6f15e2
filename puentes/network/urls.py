from django.urls import path

from puentes.network import views

app_name = "network"
urlpatterns = [
    path("", views.organization_detail, name="organization"),
    path("edit/", views.organization_edit, name="organization_edit"),
    path("members/", views.member_list, name="members"),
    path("members/invite/", views.member_invite, name="invite"),
    path("members/<uuid:member_id>/", views.member_edit, name="member_edit"),
    path("members/<uuid:member_id>/active/", views.member_set_active, name="member_set_active"),
    path(
        "invitations/<uuid:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("api-keys/", views.apikey_list, name="api_keys"),
    path("api-keys/<uuid:key_id>/revoke/", views.apikey_revoke, name="apikey_revoke"),
    path("audit/", views.audit_log, name="audit"),
]
