"""A commitment's focal person and deputy are drafters or heads of its lead agency."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Commitment
from stakeholders.models import Membership

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def helpline_drafter(ke_helpline):
    return member(UserFactory(username="helpline-drafter"), ke_helpline)


@pytest.fixture
def police_member(ke_police_drafter):
    return Membership.objects.get(user=ke_police_drafter)


def test_a_focal_person_of_another_agency_is_refused(ke_plan, ke_police, helpline_drafter):
    commitment = make_commitment(ke_plan, ke_police)
    with pytest.raises(ValidationError) as refused:
        services.commitment_save_draft(
            actor=None, commitment=commitment, focal_person=helpline_drafter
        )
    assert "focal person must be a drafter or head" in str(refused.value)
    assert Commitment.objects.get(pk=commitment.pk).focal_person is None


def test_a_viewer_cannot_be_focal_person(ke_plan, ke_police):
    viewer = member(UserFactory(username="viewer"), ke_police, Membership.Role.VIEWER)
    with pytest.raises(ValidationError):
        make_commitment(ke_plan, ke_police, focal_person=viewer)


def test_focal_person_and_deputy_are_two_people(ke_plan, ke_police, police_member):
    with pytest.raises(ValidationError) as refused:
        make_commitment(ke_plan, ke_police, focal_person=police_member, focal_deputy=police_member)
    assert "two different people" in str(refused.value)


def test_changing_lead_agency_asks_for_a_new_focal_person(
    ke_plan, ke_police, ke_helpline, police_member
):
    commitment = make_commitment(ke_plan, ke_police, focal_person=police_member)
    with pytest.raises(ValidationError) as refused:
        services.commitment_save_draft(actor=None, commitment=commitment, lead_agency=ke_helpline)
    assert "choose a new focal person" in str(refused.value)
    services.commitment_save_draft(
        actor=None, commitment=commitment, lead_agency=ke_helpline, focal_person=None
    )


def test_the_admin_refuses_a_focal_person_of_another_agency(
    client, ke_plan, ke_police, ke_police_drafter, police_member, helpline_drafter
):
    from .test_commitment_admin import edit_form_data, edit_url

    commitment = make_commitment(ke_plan, ke_police)
    data = edit_form_data(client, ke_police_drafter, commitment)
    html = client.get(edit_url(commitment)).content.decode()
    assert "helpline-drafter" not in html  # not offered
    data["focal_person"] = str(helpline_drafter.pk)
    response = client.post(edit_url(commitment), data)
    assert response.status_code == 200
    assert Commitment.objects.get(pk=commitment.pk).focal_person is None
    data["focal_person"] = str(police_member.pk)
    response = client.post(edit_url(commitment), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = Commitment.objects.get(pk=commitment.pk).get_latest_revision_as_object()
    assert latest.focal_person_id == police_member.pk
