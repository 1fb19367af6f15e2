from django.urls import path

from puentes.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("language/", views.language_switch, name="language"),
    path("switch-organization/", views.organization_switch, name="switch_organization"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("health/", views.health, name="health"),
]
