"""One pager for every paged list: the page asked for, and the other query parameters the
pager's links keep (a search, a tab, a filter)."""

from django.test import RequestFactory

from puentes.core.pages import page_of


def test_a_page_keeps_the_other_query_parameters():
    request = RequestFactory().get("/referrals/inbox/", {"tab": "all", "q": "rosa", "page": "2"})
    page = page_of(request, list(range(120)), 50)
    assert page.number == 2 and list(page.object_list) == list(range(50, 100))
    assert page.keep == "tab=all&q=rosa"


def test_a_page_out_of_range_is_the_last():
    request = RequestFactory().get("/", {"page": "99"})
    assert page_of(request, list(range(10)), 4).number == 3
