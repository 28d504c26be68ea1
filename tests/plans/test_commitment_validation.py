"""Bad input: a clear message on the right field, and nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Capability, Commitment

from ..factories import make_plan
from .test_commitment_admin import ADD_URL, new_commitment_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"capability": 13}, "capability", "is not one of this plan"),
        ({"due_date": "2025-12-31"}, "due_date", "cannot be before the start date"),
        ({"progress": "101"}, "progress", "from 0 to 100"),
        ({"progress": "-1"}, "progress", "0"),
        ({"estimated_cost": "-5"}, "estimated_cost", "cannot be negative"),
        ({"currency": "shs"}, "currency", "three-letter"),
    ],
)
def test_bad_commitment_in_admin_shows_field_error(
    client, superuser, ke_plan, ke_police, jordan, overrides, field, message
):
    if "capability" in overrides:
        # Another plan has capability 13, so the form offers it; this plan does not.
        make_plan(jordan, capabilities=(13,))
        overrides = {"capability": Capability.objects.get(number=overrides["capability"]).pk}
    client.force_login(superuser)
    response = client.post(ADD_URL, new_commitment_data(ke_plan, ke_police, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert not Commitment.objects.exists()


def test_lead_agency_of_another_country_is_refused(superuser, client, ke_plan, jo_police):
    client.force_login(superuser)
    response = client.post(ADD_URL, new_commitment_data(ke_plan, jo_police))
    assert response.status_code == 200
    assert "must be an agency of Kenya" in " ".join(response.context["form"].errors["lead_agency"])
    assert not Commitment.objects.exists()


def test_service_refuses_bad_input_and_saves_nothing(ke_plan, ke_police, jo_police):
    capability = Capability.objects.get(number=13)
    with pytest.raises(ValidationError) as error:
        services.commitment_create(
            actor=None,
            plan=ke_plan,
            capability=capability,
            title="x",
            lead_agency=jo_police,
            progress=150,
            estimated_cost=-1,
        )
    assert set(error.value.message_dict) >= {
        "capability",
        "lead_agency",
        "progress",
        "estimated_cost",
    }
    assert not Commitment.objects.exists()


def test_supporting_agency_from_another_country_is_refused(ke_plan, ke_police, jo_police):
    with pytest.raises(ValidationError) as error:
        services.commitment_create(
            actor=None,
            plan=ke_plan,
            capability=Capability.objects.get(number=4),
            title="x",
            lead_agency=ke_police,
            supporting_agencies=[jo_police],
        )
    assert "supporting_agencies" in error.value.message_dict


def test_plan_cannot_list_a_capability_twice(client, superuser, ke_plan):
    from wagtail.test.utils.form_data import querydict_from_html

    client.force_login(superuser)
    url = f"/admin/pages/{ke_plan.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    first = data["capability_sections-0-capability"]
    data["capability_sections-1-capability"] = first
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is already a section of this plan" in response.content.decode()
    assert ke_plan.capability_sections.count() == 3
