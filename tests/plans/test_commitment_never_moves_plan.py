"""A commitment's plan carries its rights: it never moves, by form or by service."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import querydict_from_html

from plans import services
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_a_forged_plan_in_the_edit_form_is_ignored(client, superuser, ke_plan, jo_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police)
    url = f"/admin/snippets/plans/commitment/edit/{commitment.pk}/"
    client.force_login(superuser)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["plan"] = str(jo_plan.pk)
    client.post(url, data)
    fresh = Commitment.objects.get(pk=commitment.pk)
    assert fresh.plan_id == ke_plan.pk
    assert fresh.get_latest_revision_as_object().plan_id == ke_plan.pk


def test_the_service_refuses_a_move(ke_plan, jo_plan, ke_police, ke_coordinator):
    commitment = make_commitment(ke_plan, ke_police)
    with pytest.raises(ValidationError, match="never moves"):
        services.commitment_save_draft(actor=ke_coordinator, commitment=commitment, plan=jo_plan)
    assert Commitment.objects.get(pk=commitment.pk).get_latest_revision_as_object().plan == ke_plan
