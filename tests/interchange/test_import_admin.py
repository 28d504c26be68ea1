"""The admin upload: coordinators check and import; nobody else may, and bad files are told."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plans.models import Commitment

from .conftest import SAMPLE, csv_bytes

pytestmark = pytest.mark.django_db


def url(plan):
    return f"/admin/plans/import/{plan.pk}/"


def upload(name="sample-plan.csv", content=None):
    return SimpleUploadedFile(name, content or Path(SAMPLE).read_bytes())


def test_coordinator_checks_then_imports(client, ke_demo_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.get(url(ke_demo_plan)).status_code == 200

    checked = client.post(url(ke_demo_plan), {"file": upload(), "action": "check"})
    html = checked.content.decode()
    assert checked.status_code == 200
    assert "would create 11, update 0" in html
    assert "Map support services for children in every county" in html
    assert not Commitment.objects.exists()

    imported = client.post(url(ke_demo_plan), {"file": upload(), "action": "import"})
    html = imported.content.decode()
    assert "created 11, updated 0" in html
    assert f"/admin/snippets/plans/commitment/?plan={ke_demo_plan.pk}" in html
    assert Commitment.objects.filter(plan=ke_demo_plan, live=False).count() == 11
    assert Commitment.objects.first().latest_revision.user == ke_coordinator


def test_problems_are_listed_and_nothing_is_imported(client, ke_demo_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    content = csv_bytes("activity,actors,capability,due", "Train,Nobody,4,soon", "Ok,DCS,4,")
    html = client.post(
        url(ke_demo_plan), {"file": upload("plan.csv", content), "action": "import"}
    ).content.decode()
    assert "Not imported" in html
    assert "“Nobody” is not an agency of Kenya" in html
    assert "“soon” is not a date" in html
    assert not Commitment.objects.exists()


@pytest.mark.parametrize("user", ["ke_police_drafter", "ke_reviewer", "jo_coordinator"])
def test_others_get_403(client, ke_demo_plan, user, request):
    client.force_login(request.getfixturevalue(user))
    assert client.get(url(ke_demo_plan)).status_code == 403
    response = client.post(url(ke_demo_plan), {"file": upload(), "action": "import"})
    assert response.status_code == 403
    assert not Commitment.objects.exists()


def test_drafter_has_no_import_page_or_menu_item(client, ke_demo_plan, ke_police_drafter):
    client.force_login(ke_police_drafter)
    assert client.get("/admin/plans/import/").status_code == 403
    assert "/admin/plans/import/" not in client.get("/admin/").content.decode()


def test_coordinator_is_taken_to_their_plan(client, ke_demo_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    assert "/admin/plans/import/" in client.get("/admin/").content.decode()
    response = client.get("/admin/plans/import/")
    assert response.status_code == 302 and response["Location"] == url(ke_demo_plan)


def test_anonymous_is_sent_to_login(client, ke_demo_plan):
    response = client.get(url(ke_demo_plan))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"%PDF-1.4", "Only .csv and .xlsx files can be imported"),
        ("plan.csv", b"x" * (5 * 1024 * 1024 + 1), "files up to 5 MB can be imported"),
    ],
)
def test_bad_files_get_a_clear_message(
    client, ke_demo_plan, ke_coordinator, name, content, message
):
    client.force_login(ke_coordinator)
    response = client.post(url(ke_demo_plan), {"file": upload(name, content), "action": "check"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Commitment.objects.exists()


def test_template_downloads(client, ke_demo_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    html = client.get(url(ke_demo_plan)).content.decode()
    for name in ("plan-import-template.xlsx", "plan-import-template.csv", "sample-plan.csv"):
        href = f"/admin/plans/import/download/{name}"
        assert href in html
        response = client.get(href)
        assert response.status_code == 200
        assert (
            b"".join(response.streaming_content)
            == Path("interchange/import_templates", name).read_bytes()
        )
    assert client.get("/admin/plans/import/download/settings.py").status_code == 404
