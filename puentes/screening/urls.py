from django.urls import path

from puentes.screening import views

app_name = "screening"
urlpatterns = [
    path("person/<uuid:person_id>/start/", views.screening_start, name="start"),
    path("<uuid:screening_id>/", views.screening_detail, name="detail"),
    path("<uuid:screening_id>/q/<int:number>/", views.screening_question, name="question"),
    path("<uuid:screening_id>/review/", views.screening_review, name="review"),
    path("person/<uuid:person_id>/needs/new/", views.need_create, name="need_create"),
    path("needs/<uuid:need_id>/", views.need_detail, name="need"),
    path("instruments/", views.instrument_settings, name="instruments"),
]
