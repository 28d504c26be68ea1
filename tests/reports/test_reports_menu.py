"""A coordinator's Reports menu holds the product's reports only, each of which opens:
Wagtail's site-wide reports (one of them answered 404) are the site administrator's."""

import re

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def report_links(client):
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    return sorted(set(re.findall(r'"(/admin/(?:reports|localize)/[^"]*)"', props)))


def test_coordinator_sees_the_products_reports_and_each_opens(
    client, ke_coordinator, ke_plan, ke_police
):
    make_commitment(ke_plan, ke_police)
    client.force_login(ke_coordinator)
    links = report_links(client)
    assert links == [
        "/admin/reports/activity/",
        "/admin/reports/terminology/",
        "/admin/reports/tracker/",
    ]
    for link in links:
        assert client.get(link).status_code == 200


def test_site_administrator_keeps_wagtails_reports(client, superuser, ke_plan):
    client.force_login(superuser)
    links = report_links(client)
    assert "/admin/reports/site-history/" in links
    for link in links:
        assert client.get(link).status_code == 200, link
