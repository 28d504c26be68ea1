"""A drafter (or coordinator) of another country neither reads a round nor comments in
it, through any of its admin URLs; nothing of it reaches their pages."""

import pytest

from plans.models import ConsultationComment, ConsultationRound
from stakeholders.models import Membership

from ..consultation_helpers import comment
from ..factories import UserFactory, member

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers a refused admin view with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


@pytest.fixture
def jo_drafter(jo_police):
    user = UserFactory(username="jo-police-drafter")
    member(user, jo_police, Membership.Role.DRAFTER)
    return user


@pytest.fixture
def ke_comment(ke_round, ke_police_drafter):
    return comment(ke_round, ke_police_drafter, "Secret draft remark")


def urls(round_, comment_):
    return {
        "get": [
            f"/admin/consultations/{round_.pk}/",
            f"/admin/plans/overview/{round_.plan_id}/consultations/",
            f"/admin/consultations/comments/{comment_.pk}/edit/",
        ],
        "post": [
            (f"/admin/consultations/{round_.pk}/", {"target": "plan", "text": "Mine"}),
            (f"/admin/consultations/comments/{comment_.pk}/edit/", {"text": "Changed"}),
            (
                f"/admin/consultations/comments/{comment_.pk}/respond/",
                {f"c{comment_.pk}-response": "accepted"},
            ),
            (f"/admin/consultations/{round_.pk}/close/", {}),
            (f"/admin/consultations/{round_.pk}/summary/", {"public": "1"}),
        ],
    }


@pytest.mark.parametrize("who", ["jo_drafter", "jo_coordinator"])
def test_other_country_can_neither_read_nor_comment(client, request, who, ke_round, ke_comment):
    client.force_login(request.getfixturevalue(who))
    for url in urls(ke_round, ke_comment)["get"]:
        response = client.get(url)
        assert refused(response), url
        assert "Secret draft remark" not in response.content.decode()
    for url, data in urls(ke_round, ke_comment)["post"]:
        assert refused(client.post(url, data)), url
    assert list(ConsultationComment.objects.values_list("text", "response")) == [
        ("Secret draft remark", "")
    ]
    assert ConsultationRound.objects.get().state == ConsultationRound.State.OPEN


def test_consulted_member_and_coordinator_read_the_round(
    client, ke_round, ke_comment, ke_police_drafter, ke_coordinator
):
    for user in (ke_police_drafter, ke_coordinator):
        client.force_login(user)
        page = client.get(f"/admin/consultations/{ke_round.pk}/")
        assert page.status_code == 200
        assert "Secret draft remark" in page.content.decode()
