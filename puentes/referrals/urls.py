from django.urls import path

from puentes.referrals import views

app_name = "referrals"
urlpatterns = [
    path("", views.sent, name="sent"),
    path("inbox/", views.inbox, name="inbox"),
    path("new/", views.referral_new, name="new"),
    path("<uuid:referral_id>/", views.referral_detail, name="detail"),
    path("<uuid:referral_id>/act/", views.referral_act, name="act"),
]
