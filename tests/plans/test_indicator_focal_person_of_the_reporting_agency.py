"""An indicator is reported by an agency of the plan's country (the lead agency unless
another is named), and its focal person and deputy are two drafters or heads of that
agency; the editor offers only the people of the agencies that lead or report, never
every agency's."""

import pytest
from django.core.exceptions import ValidationError

from plans.models import Commitment
from plans.models.indicators import (
    INDICATOR_DEPUTY_IS_FOCAL,
    INDICATOR_DEPUTY_NOT_OF_AGENCY,
    INDICATOR_FOCAL_NOT_OF_AGENCY,
)

from ..factories import UserFactory, make_commitment, member
from .test_commitment_admin import edit_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def helpline_drafter(ke_helpline):
    return member(UserFactory(username="helpline-drafter"), ke_helpline)


def _indicator(**fields):
    return {"name": "Calls answered", **fields}


def test_the_focal_person_of_another_agency_is_refused(ke_plan, ke_police, helpline_drafter):
    with pytest.raises(ValidationError) as refused:
        make_commitment(
            ke_plan,
            ke_police,
            title="Refused",
            indicators=[_indicator(focal_person=helpline_drafter)],
        )
    expected = INDICATOR_FOCAL_NOT_OF_AGENCY % {"agency": ke_police}
    assert f"Indicator 1: {expected}" in refused.value.messages
    assert not Commitment.objects.filter(title="Refused").exists()


def test_the_reporting_agencys_focal_person_is_kept(
    ke_plan, ke_police, ke_helpline, helpline_drafter
):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        indicators=[_indicator(reporting_agency=ke_helpline, focal_person=helpline_drafter)],
    )
    indicator = commitment.indicators.get()
    assert indicator.agency_reporting == ke_helpline
    assert indicator.focal_person == helpline_drafter


def test_the_deputy_must_be_another_person_of_the_reporting_agency(
    ke_plan, ke_police, ke_police_drafter, helpline_drafter
):
    police = ke_police_drafter.memberships.get()
    for deputy, expected in (
        (helpline_drafter, INDICATOR_DEPUTY_NOT_OF_AGENCY % {"agency": ke_police}),
        (police, INDICATOR_DEPUTY_IS_FOCAL),
    ):
        with pytest.raises(ValidationError) as refused:
            make_commitment(
                ke_plan,
                ke_police,
                title="Refused",
                indicators=[_indicator(focal_person=police, focal_deputy=deputy)],
            )
        assert f"Indicator 1: {expected}" in refused.value.messages
    assert not Commitment.objects.filter(title="Refused").exists()


def test_a_reporting_agency_of_another_country_is_refused(ke_plan, ke_police, jo_police):
    with pytest.raises(ValidationError) as refused:
        make_commitment(ke_plan, ke_police, indicators=[_indicator(reporting_agency=jo_police)])
    assert "must be an agency of Kenya" in " ".join(refused.value.messages)


def test_the_editor_offers_only_the_people_of_the_agencies_that_lead_or_report(
    client, ke_plan, ke_police, ke_helpline, ke_police_drafter, helpline_drafter
):
    commitment = make_commitment(ke_plan, ke_police, indicators=[_indicator()])
    client.force_login(ke_police_drafter)
    form = client.get(edit_url(commitment)).context["form"]
    offered = form.formsets["indicators"].forms[0].fields["focal_person"].queryset
    assert helpline_drafter not in offered
    reported = make_commitment(
        ke_plan,
        ke_police,
        title="Reported by the helpline",
        indicators=[_indicator(reporting_agency=ke_helpline)],
    )
    form = client.get(edit_url(reported)).context["form"]
    fields = form.formsets["indicators"].forms[0].fields
    assert helpline_drafter in fields["focal_person"].queryset
    assert helpline_drafter in fields["focal_deputy"].queryset
    assert list(fields["focal_deputy"].queryset) == list(fields["focal_person"].queryset)
