"""demo.findings gives each demo country its own findings register: some published and
not yet answered, some internal, some answered by linking a live commitment (whose newer
draft keeps its changes); loading again adds nothing."""

import pytest

from demo.findings import FINDINGS, add_demo_findings
from plans import selectors, services
from plans.models import Commitment, Finding

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_each_country_has_different_findings_of_every_kind():
    titles = [{f.title for f in findings} for findings in FINDINGS.values()]
    assert set(FINDINGS) == {"jo", "ke", "pe", "ph", "tz"}
    assert all(not (a & b) for i, a in enumerate(titles) for b in titles[i + 1 :])
    for code, findings in FINDINGS.items():
        assert any(not f.public for f in findings), code
        assert any(f.public and f.answered_under is None for f in findings), code
        assert any(f.answered_under for f in findings), code


def test_add_demo_findings_links_live_commitments_and_keeps_drafts(kenya, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Live title", capability=4)
    services.commitment_save_draft(actor=None, commitment=commitment, title="Draft title")
    assert add_demo_findings(kenya, ke_plan) == len(FINDINGS["ke"])
    assert add_demo_findings(kenya, ke_plan) == 0  # idempotent

    live = Commitment.objects.get(pk=commitment.pk)
    assert live.title == "Live title"
    answered = Finding.objects.get(title="The specialised police unit covers only the capital")
    assert list(live.findings.all()) == [answered]
    draft = live.get_latest_revision_as_object()
    assert draft.title == "Draft title" and list(draft.findings.all()) == [answered]
    unanswered = {f.title for f in selectors.public_findings_unanswered(ke_plan)}
    assert "No duty on internet service providers to report" in unanswered
    assert answered.title not in unanswered
    assert "Helpline call routing is unreliable at night" not in unanswered  # internal
