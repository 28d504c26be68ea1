"""The site administrator's set-up says what it is: the country workflows read as assigned
to their commitments, Wagtail's leftover default workflow and groups are gone, and the
Images menu the site never uses is not offered."""

import re

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def row_of(html, name):
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
    found = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows if name in row]
    assert len(found) == 1, (name, found)
    return found[0]


def test_commitment_workflow_reads_as_used_by_the_countrys_commitments(
    client, superuser, ke_plan, ke_police
):
    make_commitment(ke_plan, ke_police)
    make_commitment(ke_plan, ke_police)
    client.force_login(superuser)
    html = client.get("/admin/workflows/list/").content.decode()
    row = row_of(html, "Kenya: commitment review")
    assert "2 commitments of Kenya" in row
    assert "0 pages" not in row and "snippet type" not in row
    assert "1 page" in row_of(html, "Kenya: plan review")


def test_no_leftover_default_workflow_or_groups(client, superuser, ke_plan):
    client.force_login(superuser)
    workflows = client.get("/admin/workflows/list/").content.decode()
    assert "Moderators approval" not in workflows
    tasks = client.get("/admin/workflows/tasks/index/").content.decode()
    assert "Moderators approval" not in tasks
    groups = client.get("/admin/groups/").content.decode()
    assert ">Editors<" not in groups.replace("\n", "").replace(" ", "")
    assert "Moderators" not in groups
    assert "Kenya: national coordinators" in groups


def test_the_images_menu_is_not_offered(client, superuser):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    sidebar = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    assert "/admin/images/" not in sidebar
    assert "/admin/documents/" in sidebar
