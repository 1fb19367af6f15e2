"""A presented list that finds its page's ids first keeps the list's order and its page."""

from conftest import OrganizationFactory
from puentes.core.pagination import Mapped
from puentes.network.models import Organization


def test_a_page_found_by_ids_first_keeps_the_order_and_the_page(db):
    for name in ["b", "d", "a", "c", "e"]:
        OrganizationFactory.create(name=name)
    ordered = Organization.objects.order_by("-name")
    plain = Mapped(ordered, lambda o: o.name)
    by_ids = Mapped(ordered, lambda o: o.name, ids_first=True)
    assert by_ids[0:2] == plain[0:2] == ["e", "d"]
    assert by_ids[2:5] == plain[2:5] == ["c", "b", "a"]
    assert by_ids[5:9] == []
