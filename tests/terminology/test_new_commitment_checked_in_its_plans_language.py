"""A commitment created and submitted in one step is checked in its plan's country's
language, although the new instance knows its plan only once the form is saved."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment
from stakeholders.models import Agency, Membership

from ..factories import AgencyFactory, CountryFactory, UserFactory, make_plan
from ..factories import member as add_member

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/plans/commitment/add/"


@pytest.fixture
def pe_police_drafter():
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    make_plan(peru)
    police = AgencyFactory(
        country=peru, name="Policía Nacional", acronym="PNP", sector=Agency.Sector.LAW_ENFORCEMENT
    )
    user = UserFactory(username="pe-police-drafter")
    add_member(user, police, Membership.Role.DRAFTER)
    return user


def test_a_new_spanish_commitment_with_a_term_to_avoid_is_refused_on_submit(
    client, pe_police_drafter
):
    client.force_login(pe_police_drafter)
    data = querydict_from_html(client.get(ADD).content.decode(), form_id="w-editor-form")
    data["title"] = "Bloquear la pornografía infantil"
    data["action-submit"] = "action-submit"
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "“pornografía infantil” is a term to avoid" in response.content.decode()
    assert not Commitment.objects.exists()
