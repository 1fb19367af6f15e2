"""Take the user guide's screenshots from a running demo (make run), at phone width.

uv run python scripts/screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def sign_in(page, username: str) -> None:
    page.goto(f"{BASE}/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", "puentes-demo")
    page.click("button[type=submit].primary")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        phone = browser.new_context(viewport={"width": 360, "height": 740})
        page = phone.new_page()
        page.goto(f"{BASE}/sign-in/")
        page.screenshot(path=str(OUT / "sign-in.png"))
        sign_in(page, "ana")
        page.screenshot(path=str(OUT / "my-people.png"))
        page.goto(f"{BASE}/people/new/")
        page.fill("#id_given_name", "Cristal")
        page.fill("#id_family_name", "Adame")
        page.fill("#id_date_of_birth", "1996-05-16")
        page.click("button[type=submit].primary")
        page.screenshot(path=str(OUT / "duplicate-guard.png"))
        page.goto(f"{BASE}/people/?q=adame")
        page.click("#results li a >> nth=0")
        page.screenshot(path=str(OUT / "person.png"), full_page=True)
        page.get_by_role("button", name="Español").click()
        page.screenshot(path=str(OUT / "person-es.png"))
        page.click("a[href*='/screening/person/']")
        page.check("input[value='ahc-hrsn-core']")
        page.click("button[type=submit].primary")
        page.screenshot(path=str(OUT / "screening-question.png"))
        page.check("input[value='LA31994-9']")
        page.click("button[value=next]")
        page.check("input[value='LA9-3']")
        page.click("button[value=next]")
        page.check("input[value='LA6729-3']")
        page.click("button[value=next]")
        for _ in range(7):
            page.click("button[name=decline]")
        page.screenshot(path=str(OUT / "screening-review.png"), full_page=True)
        page.click("button[type=submit].primary")
        page.locator("#h-needs").scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / "person-needs.png"))
        page.goto(f"{BASE}/directory/?need=food-insecurity&zip=95817&radius_km=10")
        page.screenshot(path=str(OUT / "find-help.png"), full_page=True)
        page.get_by_role("button", name="English").click()
        phone.clear_cookies()
        sign_in(page, "pat")
        page.goto(f"{BASE}/referrals/inbox/?tab=all")
        page.screenshot(path=str(OUT / "referral-inbox.png"))
        page.click("main ul.results li a >> nth=0")
        page.screenshot(path=str(OUT / "referral.png"), full_page=True)
        phone.clear_cookies()
        care_screens(page)
        desktop = browser.new_context(viewport={"width": 1100, "height": 700})
        admin = desktop.new_page()
        sign_in(admin, "alma")
        admin.get_by_role("button", name="English").click()
        admin.goto(f"{BASE}/organization/members/")
        admin.screenshot(path=str(OUT / "members.png"))
        admin.goto(f"{BASE}/organization/audit/")
        admin.screenshot(path=str(OUT / "audit-log.png"))
        desktop.clear_cookies()
        sign_in(admin, "dora")
        admin.get_by_role("button", name="English").click()
        admin.goto(f"{BASE}/directory/imports/")
        admin.screenshot(path=str(OUT / "directory-imports.png"))
        desktop.clear_cookies()
        sign_in(admin, "sam")
        admin.goto(f"{BASE}/care/team/")
        admin.screenshot(path=str(OUT / "team.png"))
        desktop.clear_cookies()
        sign_in(admin, "bea")
        admin.goto(f"{BASE}/billing/")
        admin.screenshot(path=str(OUT / "billing-queue.png"), full_page=True)
        browser.close()


def care_screens(page) -> None:
    """ana's day, a person's care section, and logging a visit — at phone width."""
    sign_in(page, "ana")
    page.locator("#h-my-day").scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "my-day.png"))
    page.locator("#h-my-day").locator("..").locator("ul a >> nth=1").click()
    page.locator("#h-care").scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "person-care.png"))
    page.get_by_role("link", name="Log an encounter").click()
    page.fill("#id_duration_minutes", "45")
    page.get_by_label("Health education").check()
    page.screenshot(path=str(OUT / "log-encounter.png"), full_page=True)


if __name__ == "__main__":
    main()
