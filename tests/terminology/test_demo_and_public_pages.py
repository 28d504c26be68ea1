"""After `make run`: the demo shows a terminology warning on a draft, and the public pages
show no term to avoid outside an accepted quotation."""

import json

import pytest
from django.core.management import call_command

from plans.models import Commitment, NationalPlanPage
from plans.selectors import public_commitment_rows
from terminology.checker import find_in_text, html_to_text
from terminology.selectors import quotations_of, rules_for

pytestmark = pytest.mark.django_db


def test_demo_draft_shows_a_warning_and_public_pages_stay_clean(demo, client):
    drafted = Commitment.objects.get(
        plan__country__code="ke", title__startswith="Train investigators in online"
    )
    assert "child pornography" in drafted.get_latest_revision_as_object().description
    assert client.login(username="ke-police", password="demo-pass-2026")
    html = client.get(f"/admin/snippets/plans/commitment/edit/{drafted.pk}/").content.decode()
    assert "Terminology: avoid “child pornography”" in html
    client.logout()

    for plan in NationalPlanPage.objects.filter(live=True):
        # In every language the plan is checked in (English and its country's).
        rules = [r for r in rules_for(plan) if r.kind == "avoid"]
        live = public_commitment_rows().filter(plan=plan)
        quotations = [*quotations_of(plan), *(q for c in live for q in quotations_of(c))]
        urls = [plan.url, f"{plan.url}export.csv", f"{plan.url}export.json"]
        urls += [f"{plan.url}commitments/{c.pk}/" for c in live]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            text = response.content.decode()
            if url.endswith(".json"):
                text = json.dumps(json.loads(text), ensure_ascii=False)
            blocking = [
                m.text
                for m in find_in_text(html_to_text(text), rules, quotations=quotations)
                if not m.quoted
            ]
            assert blocking == [], url
    assert "child pornography" not in client.get(drafted.plan.url).content.decode()


def test_load_demo_twice_adds_no_second_terminology_draft(demo, settings):
    settings.DEBUG = True
    drafted = Commitment.objects.get(
        plan__country__code="ke", title__startswith="Train investigators in online"
    )
    revisions = drafted.revisions.count()
    call_command("load_demo")
    assert drafted.revisions.count() == revisions
