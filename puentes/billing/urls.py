from django.urls import path

from puentes.billing import views

app_name = "billing"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("batches/", views.batch_list, name="batches"),
    path("batches/generate/", views.batch_generate, name="batch_generate"),
    path("batches/<uuid:batch_id>/", views.batch_detail, name="batch"),
    path("batches/<uuid:batch_id>/status/", views.batch_move, name="batch_move"),
    path("batches/<uuid:batch_id>/cancel/", views.batch_cancel, name="batch_cancel"),
    path("batches/<uuid:batch_id>/file/<str:kind>/", views.batch_file, name="batch_file"),
    path("claims/<uuid:claim_id>/", views.claim_detail, name="claim"),
    path("claims/<uuid:claim_id>/<str:kind>/", views.claim_change, name="claim_change"),
    path("remittances/", views.remittances, name="remittances"),
    path("funding/", views.funding, name="funding"),
    path("funding/charge/", views.grants_charge, name="grants_charge"),
    path("funding/<uuid:funding_id>/", views.grant_report, name="grant_report"),
    path("setup/", views.setup, name="setup"),
    path("people/<uuid:person_id>/coverage/new/", views.coverage_new, name="coverage_new"),
    path(
        "people/<uuid:person_id>/prior-authorizations/new/",
        views.prior_authorization_new,
        name="prior_authorization_new",
    ),
    path(
        "people/<uuid:person_id>/service-consents/new/",
        views.service_consent_new,
        name="service_consent_new",
    ),
    path(
        "people/<uuid:person_id>/serious-conditions/new/",
        views.serious_condition_new,
        name="serious_condition_new",
    ),
    path(
        "people/<uuid:person_id>/initiating-visits/new/",
        views.initiating_visit_new,
        name="initiating_visit_new",
    ),
]
