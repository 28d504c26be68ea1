"""One POST cannot make an admin form build thousands of inline forms: above
`INLINE_FORMS_MAX` per formset (nested ones too) the form is refused with a message and
nothing is saved, quickly (it took 13-47 s of CPU before)."""

import pytest

from home.formsets import INLINE_FORMS_MAX
from plans.models import Commitment
from tracking.models import ProgressUpdate

from ..factories import make_commitment
from ..plans.test_commitment_admin import ADD_URL, new_commitment_data
from ..tracking.test_update_admin import ADD as UPDATE_ADD
from ..tracking.test_update_admin import form as update_form

pytestmark = pytest.mark.django_db

TOO_MANY = f"Please submit at most {INLINE_FORMS_MAX} forms."


def test_a_commitment_with_a_huge_count_of_indicators_is_refused(
    client, ke_plan, ke_police, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    data = new_commitment_data(ke_plan, ke_police, **{"indicators-TOTAL_FORMS": "9" * 40})
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert not Commitment.objects.filter(title=data["title"]).exists()
    # Nested formsets (an indicator's yearly targets) have the same ceiling.
    indicators = type(response.context["form"]).formsets["indicators"]
    assert indicators.form.formsets["targets"].absolute_max == INLINE_FORMS_MAX


def test_a_progress_update_with_a_huge_count_of_measurements_is_refused(
    client, ke_plan, ke_police, ke_police_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_police_drafter)
    response = client.post(
        UPDATE_ADD, update_form(commitment, **{"measurements-TOTAL_FORMS": "5000"})
    )
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert not ProgressUpdate.objects.filter(commitment=commitment).exists()


def test_an_ordinary_number_of_inline_forms_is_still_accepted(
    client, ke_plan, ke_police, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    response = client.post(ADD_URL, new_commitment_data(ke_plan, ke_police))
    assert response.status_code == 302
