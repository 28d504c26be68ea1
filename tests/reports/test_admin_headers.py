"""Every admin page of the product is headed by what it is: Wagtail's slim header shows the
breadcrumbs (the page title only to screen readers), so a page without crumbs of its own
read "Home" at the top."""

import re

import pytest

pytestmark = pytest.mark.django_db


def visible_header(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    nav = re.search(r'<nav[^>]*aria-label="Breadcrumb".*?</nav>', html, re.S)
    assert nav, f"{url} has no header"
    crumbs = re.findall(r"<li[^>]*>(.*?)</li>", nav.group(0), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", crumb).split()) for crumb in crumbs]


def test_terminology_findings_are_headed_so(client, ke_coordinator, ke_plan):
    client.force_login(ke_coordinator)
    assert visible_header(client, "/admin/reports/terminology/")[-1] == "Terminology findings"


def test_import_is_headed_so(client, ke_coordinator, ke_plan):
    client.force_login(ke_coordinator)
    header = visible_header(client, f"/admin/plans/import/{ke_plan.pk}/")
    assert header[-1] == "Import commitments"


def test_refused_import_is_headed_so(client, ke_police_drafter, ke_plan):
    client.force_login(ke_police_drafter)
    assert visible_header(client, "/admin/plans/import/", status=403)[-1] == "Import commitments"
    header = visible_header(client, f"/admin/plans/import/{ke_plan.pk}/", status=403)
    assert header[-1] == "Import commitments"


def test_versions_are_headed_by_their_object(client, ke_coordinator, ke_police):
    client.force_login(ke_coordinator)
    header = visible_header(client, f"/admin/stakeholders/agency/{ke_police.pk}/versions/")
    assert header[-1] == f"Versions of {ke_police}"
