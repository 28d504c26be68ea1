"""The findings register: a finding a live commitment answers counts as answered (never
stored twice); a commitment answers only its own country's findings; a finding not
accepted says why."""

import pytest
from django.core.exceptions import ValidationError

from plans import selectors
from plans import services as plan_services
from plans.models import Finding

from ..factories import make_commitment
from ..findings_helpers import make_finding

pytestmark = pytest.mark.django_db


def state_of(finding):
    return selectors.finding_state(
        selectors.findings_of_country(country_id=finding.country_id).get(pk=finding.pk)
    )


def test_a_finding_linked_to_a_live_commitment_counts_as_answered(ke_plan, ke_police):
    finding = make_finding(ke_plan.country)
    assert state_of(finding) == Finding.Status.OPEN
    make_commitment(ke_plan, ke_police, findings=[finding])
    assert state_of(finding) == Finding.Status.ANSWERED
    assert Finding.objects.get(pk=finding.pk).status == Finding.Status.OPEN  # not stored


def test_a_draft_link_does_not_answer_it_yet(ke_plan, ke_police):
    finding = make_finding(ke_plan.country)
    commitment = make_commitment(ke_plan, ke_police)
    commitment = plan_services.commitment_save_draft(
        actor=None, commitment=commitment, findings=[finding]
    )
    assert state_of(finding) == Finding.Status.OPEN
    draft = commitment.get_latest_revision_as_object()
    assert list(draft.findings.all()) == [finding]  # the link is in the revision
    commitment.latest_revision.publish(user=None, skip_permission_checks=True)
    assert state_of(finding) == Finding.Status.ANSWERED


def test_a_commitment_cannot_answer_another_countrys_finding(ke_plan, jo_plan, ke_police):
    foreign = make_finding(jo_plan.country, title="Jordan's finding")
    with pytest.raises(ValidationError) as refused:
        make_commitment(ke_plan, ke_police, findings=[foreign])
    assert "only findings of its own country (Kenya)" in str(refused.value.message_dict)
    commitment = make_commitment(ke_plan, ke_police)
    with pytest.raises(ValidationError, match="Jordan's finding"):
        plan_services.commitment_save_draft(actor=None, commitment=commitment, findings=[foreign])


def test_a_finding_not_accepted_says_why(kenya):
    with pytest.raises(ValidationError) as refused:
        make_finding(kenya, status=Finding.Status.NOT_ACCEPTED)
    assert "reason" in refused.value.message_dict
    finding = make_finding(kenya, status=Finding.Status.NOT_ACCEPTED, reason="Already law.")
    assert state_of(finding) == Finding.Status.NOT_ACCEPTED


def test_only_the_countrys_coordinator_writes_its_register(
    kenya, jordan, ke_coordinator, ke_police_drafter, jo_coordinator
):
    from django.core.exceptions import PermissionDenied

    finding = plan_services.finding_create(
        actor=ke_coordinator, country=kenya, title="Gap", text="No hotline", source_title="NA"
    )
    for outsider in (ke_police_drafter, jo_coordinator):
        with pytest.raises(PermissionDenied):
            plan_services.finding_save(actor=outsider, finding=finding)
        with pytest.raises(PermissionDenied):
            plan_services.finding_create(
                actor=outsider, country=kenya, title="X", text="Y", source_title="Z"
            )
    finding.country = jordan
    with pytest.raises((ValidationError, PermissionDenied)):
        plan_services.finding_save(actor=ke_coordinator, finding=finding)
