"""The admin gap analysis: the country's coordinators and reviewers, and superusers only."""

import pytest
from django.urls import reverse

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, title="Internalword operation", is_internal=True)
    make_commitment(ke_plan, ke_police, title="Neverword draft", publish=False)
    return ke_plan


@pytest.mark.parametrize("who", ["ke_coordinator", "ke_reviewer", "superuser"])
def test_coordinators_reviewers_and_superusers_see_every_gap(client, request, plan, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("plan_gaps", args=(plan.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Commitments with no indicator" in html
    # Coordinators see every commitment in the admin: drafts and internal ones too.
    assert "Internalword operation" in html and "Neverword draft" in html


@pytest.mark.parametrize("who", ["jo_coordinator", "ke_police_drafter", "ke_helpline_drafter"])
def test_others_are_refused(client, request, plan, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("plan_gaps", args=(plan.pk,)))
    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert b"Internalword" not in response.content


def test_anonymous_visitors_are_sent_to_log_in(client, plan):
    response = client.get(reverse("plan_gaps", args=(plan.pk,)))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_unknown_plan_is_404(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("plan_gaps", args=(999999,))).status_code == 404


def test_overview_links_to_gaps_only_for_those_allowed(
    client, plan, ke_coordinator, ke_police_drafter
):
    url = reverse("plan_overview", args=(plan.pk,))
    gaps = reverse("plan_gaps", args=(plan.pk,))
    client.force_login(ke_coordinator)
    assert gaps in client.get(url).content.decode()
    client.force_login(ke_police_drafter)
    response = client.get(url)
    assert response.status_code == 200 and gaps not in response.content.decode()
