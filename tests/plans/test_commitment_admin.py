"""Creating and editing commitments in the admin: rights follow the lead agency."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans import permissions, services
from plans.models import Capability, Commitment
from stakeholders.models import Membership

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/plans/commitment/add/"


def edit_url(commitment):
    return f"/admin/snippets/plans/commitment/edit/{commitment.pk}/"


def new_commitment_data(plan, lead_agency, **overrides):
    data = {
        "plan": plan.pk,
        "capability": Capability.objects.get(number=4).pk,
        "title": "Train cybercrime investigators",
        "description": "",
        "kind": "action",
        "delivery": "",
        "lead_agency": lead_agency.pk,
        "start_date": "2026-01-01",
        "due_date": "2026-12-31",
        "estimated_cost": "1000",
        "currency": "KES",
        "funding_source": "",
        "budget_visibility": "internal",
        "internal_notes": "",
        "status": "not_started",
        "progress": "0",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
        "funding_lines-TOTAL_FORMS": "0",
        "funding_lines-INITIAL_FORMS": "0",
        "funding_lines-MIN_NUM_FORMS": "0",
        "funding_lines-MAX_NUM_FORMS": "1000",
        "training_targets-TOTAL_FORMS": "0",
        "training_targets-INITIAL_FORMS": "0",
        "training_targets-MIN_NUM_FORMS": "0",
        "training_targets-MAX_NUM_FORMS": "1000",
        "translations-TOTAL_FORMS": "0",
        "translations-INITIAL_FORMS": "0",
        "translations-MIN_NUM_FORMS": "0",
        "translations-MAX_NUM_FORMS": "1000",
        "indicator_translations-TOTAL_FORMS": "0",
        "indicator_translations-INITIAL_FORMS": "0",
        "indicator_translations-MIN_NUM_FORMS": "0",
        "indicator_translations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def edit_form_data(client, user, commitment):
    client.force_login(user)
    response = client.get(edit_url(commitment))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_drafter_adds_a_commitment_and_its_agency_gets_the_rights(
    client, ke_plan, ke_police, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    response = client.post(ADD_URL, new_commitment_data(ke_plan, ke_police))
    assert response.status_code == 302, response.content.decode()[:3000]
    commitment = Commitment.objects.get(title="Train cybercrime investigators")
    assert not commitment.live, "a new commitment is a draft until a reviewer publishes it"
    assert client.get(edit_url(commitment)).status_code == 200

    colleague = UserFactory()
    member(colleague, ke_police, Membership.Role.DRAFTER)
    client.force_login(colleague)
    assert client.get(edit_url(commitment)).status_code == 200


def test_drafter_cannot_add_a_commitment_for_another_agency(
    client, ke_plan, ke_police_drafter, ke_helpline
):
    client.force_login(ke_police_drafter)
    response = client.post(ADD_URL, new_commitment_data(ke_plan, ke_helpline))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Commitment.objects.exists()


def test_drafter_cannot_add_to_another_countrys_plan(client, ke_police_drafter, jo_plan, jo_police):
    client.force_login(ke_police_drafter)
    response = client.post(ADD_URL, new_commitment_data(jo_plan, jo_police))
    assert response.status_code == 200
    assert not Commitment.objects.exists()


def test_add_form_offers_only_valid_choices(client, ke_plan, jo_plan, ke_police_drafter, ke_police):
    client.force_login(ke_police_drafter)
    response = client.get(ADD_URL)
    form = response.context["form"]
    assert list(form.fields["plan"].queryset) == [ke_plan]
    assert list(form.fields["lead_agency"].queryset) == [ke_police]
    numbers = sorted(form.fields["capability"].queryset.values_list("number", flat=True))
    assert numbers == [4, 11, 21]


def test_coordinator_reassigns_lead_and_rights_move(
    client, ke_plan, ke_police, ke_helpline, ke_coordinator, ke_police_drafter, ke_helpline_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    data = edit_form_data(client, ke_coordinator, commitment)
    data["lead_agency"] = str(ke_helpline.pk)
    response = client.post(edit_url(commitment), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    client.force_login(ke_police_drafter)
    refused = client.get(edit_url(commitment))
    assert refused.status_code == 403
    assert f"Led by {ke_helpline.name}" in refused.content.decode()
    client.force_login(ke_helpline_drafter)
    assert client.get(edit_url(commitment)).status_code == 200


def test_drafter_cannot_hand_their_commitment_to_another_agency(
    client, ke_plan, ke_police, ke_helpline, ke_police_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    data = edit_form_data(client, ke_police_drafter, commitment)
    data["lead_agency"] = str(ke_helpline.pk)  # the field is disabled; a forged POST
    client.post(edit_url(commitment), data)
    commitment.refresh_from_db()
    assert commitment.get_latest_revision_as_object().lead_agency == ke_police
    assert client.get(edit_url(commitment)).status_code == 200


def test_reassign_lead_service_refuses_drafter(ke_plan, ke_police, ke_helpline, ke_police_drafter):
    from django.core.exceptions import PermissionDenied

    commitment = make_commitment(ke_plan, ke_police)
    with pytest.raises(PermissionDenied):
        services.commitment_reassign_lead(
            actor=ke_police_drafter, commitment=commitment, lead_agency=ke_helpline
        )


def test_removing_membership_removes_rights_at_once(client, ke_plan, ke_police, ke_police_drafter):
    from stakeholders import services as stakeholder_services

    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_police_drafter)
    assert client.get(edit_url(commitment)).status_code == 200
    stakeholder_services.membership_delete(membership=ke_police_drafter.memberships.get())
    response = client.get(edit_url(commitment))
    assert response.status_code == 302
    assert client.get("/admin/snippets/plans/commitment/?scope=all").status_code == 302


def test_drafter_listing_defaults_to_their_agency(
    client, ke_plan, ke_police, ke_helpline, ke_police_drafter
):
    make_commitment(ke_plan, ke_police, title="Police-led work")
    make_commitment(ke_plan, ke_helpline, title="Helpline-led work", supporting=[ke_police])
    client.force_login(ke_police_drafter)
    default = client.get("/admin/snippets/plans/commitment/").content.decode()
    assert "Police-led work" in default
    assert "Helpline-led work" not in default
    everything = client.get("/admin/snippets/plans/commitment/?scope=all").content.decode()
    assert "Helpline-led work" in everything


def test_rights_on_a_new_draft_follow_its_latest_revision(
    ke_plan, ke_police, ke_helpline, ke_coordinator, ke_helpline_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    services.commitment_reassign_lead(
        actor=ke_coordinator, commitment=commitment, lead_agency=ke_helpline
    )
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.lead_agency == ke_police, "the live version is unchanged until published"
    assert permissions.user_can_edit_commitment(user=ke_helpline_drafter, commitment=commitment)


def test_listing_search_finds_titles_and_descriptions(client, ke_plan, ke_police, ke_coordinator):
    make_commitment(ke_plan, ke_police, title="Forensics laboratory")
    make_commitment(ke_plan, ke_police, title="Helpline hours")
    client.force_login(ke_coordinator)
    for url in ("/admin/snippets/plans/commitment/", "/admin/snippets/plans/commitment/results/"):
        response = client.get(url, {"q": "forensics"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Forensics laboratory" in html
        assert "Helpline hours" not in html


def test_chooser_cannot_create_commitments(client, ke_plan, ke_police, ke_police_drafter):
    client.force_login(ke_police_drafter)
    response = client.post(
        "/admin/snippets/choose/plans/commitment/create/", new_commitment_data(ke_plan, ke_police)
    )
    assert response.status_code in (302, 403)
    assert not Commitment.objects.exists()
