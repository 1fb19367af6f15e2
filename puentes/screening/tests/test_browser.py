"""ana screens a Spanish-speaking person on a phone and sees the new needs."""

import pytest

from puentes.screening.models import Need

pytestmark = pytest.mark.browser


def test_ana_screens_a_spanish_speaker_and_sees_food_and_housing_needs(
    transactional_db,
    live_server,
    page,
    ana,
    maria,
):
    ana.user.language = "es"
    ana.user.save()
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit].primary")
    page.get_by_role("heading", name="Mis personas").wait_for()
    page.get_by_role("link", name="María López").click()

    page.get_by_role("link", name="Iniciar una evaluación").click()
    page.get_by_label("Herramienta de detección de necesidades sociales").check()
    assert page.get_by_label("Español").is_checked()  # María's preferred language
    page.get_by_role("button", name="Comenzar").click()

    page.get_by_text("¿Cuál es su situación de vivienda hoy?").wait_for()
    page.get_by_label("Hoy tengo un lugar donde vivir, pero me preocupa perderlo").check()
    page.keyboard.press("Enter")  # keyboard use: Enter moves on
    page.get_by_text("Pregunta 2 de 10").wait_for()
    page.get_by_label("Ninguna de las anteriores").check()
    page.get_by_role("button", name="Siguiente").click()
    page.get_by_label("A veces es cierto").check()
    page.get_by_role("button", name="Siguiente").click()
    page.get_by_label("Nunca es cierto").check()
    page.get_by_role("button", name="Siguiente").click()
    for _ in range(6):
        page.get_by_role("button", name="Prefiere no responder").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("heading", name="Revise las respuestas").wait_for()
    preview = page.locator(".needs-preview")
    assert "Inseguridad alimentaria" in preview.inner_text()
    assert "Inestabilidad de vivienda" in preview.inner_text()
    page.get_by_role("button", name="Confirmar y guardar").click()

    page.get_by_text("Evaluación guardada.").wait_for()
    needs = page.locator("ul.needs")
    assert "Inseguridad alimentaria" in needs.inner_text()
    assert "Inestabilidad de vivienda" in needs.inner_text()
    assert sorted(Need.objects.values_list("category", flat=True)) == [
        "food-insecurity",
        "housing-instability",
    ]
