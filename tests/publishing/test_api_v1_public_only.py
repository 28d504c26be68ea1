"""The described read API (/api/v1/) shows what the public may see and nothing else,
through every endpoint, every detail URL and every filter.

One world holds each kind of thing the public must not see, each marked with a secret
word: a newer draft of a live commitment, a commitment never published, an internal
commitment, internal notes and an internal budget on a public commitment, an unpublished
progress update (and its measurement), a draft of the plan page, an unpublished plan and
a view-restricted plan (each with a published commitment and update), and a draft Arabic
translation of the published plan.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from plans import services
from plans.models import Commitment

from ..factories import AgencyFactory, CountryFactory, make_commitment, make_plan, make_update

pytestmark = pytest.mark.django_db

SECRETS = (
    "Draftword",  # a newer draft of a live commitment
    "Neverword",  # a commitment never published
    "Internalword",  # a live commitment marked internal
    "Notesword",  # internal notes on a public commitment
    "987654",  # an internal budget figure
    "Fundingword",  # the funding source of that internal budget
    "Unpublishedupdateword",  # a progress update not published
    "4242.42",  # the measurement of that update
    "Plandraftword",  # a draft of the published plan's page
    "Unpublishedplanword",  # an unpublished plan and its commitment
    "Restrictedword",  # a view-restricted plan and its commitment
    "Arabicdraftword",  # a draft translation of the published plan
)

ENDPOINTS = ("plans", "commitments", "indicators", "progress-updates")


@pytest.fixture
def world(ke_plan, ke_police, ke_helpline, jordan, jo_police):
    live = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        internal_notes="Notesword operational detail",
        estimated_cost=Decimal("987654"),
        currency="KES",
        funding_source="Fundingword grant",
        budget_visibility=Commitment.BudgetVisibility.INTERNAL,
        indicators=[{"name": "Investigators trained", "baseline": 0, "target": 100}],
    )
    indicator = live.indicators.get()
    make_update(
        live,
        narrative="Forty investigators trained",
        measurements=[{"indicator": indicator, "value": Decimal("40")}],
        publish=True,
    )
    make_update(
        live,
        narrative="Unpublishedupdateword report",
        measurements=[{"indicator": indicator, "value": Decimal("4242.42")}],
    )
    services.commitment_save_draft(
        actor=None, commitment=live, title="Draftword title", description="Draftword text"
    )
    never = make_commitment(ke_plan, ke_helpline, title="Neverword helpline", publish=False)
    internal = make_commitment(
        ke_plan, ke_police, title="Internalword operations", is_internal=True
    )
    make_update(internal, narrative="Internalword progress", publish=True)
    public_budget = make_commitment(
        ke_plan,
        ke_helpline,
        title="Helpline hours",
        capability=11,
        estimated_cost=Decimal("123456"),
        currency="KES",
        funding_source="Government budget",
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
    )
    # A plan never published, with a "published" commitment and update.
    unpublished = make_plan(jordan, publish=False)
    unpublished.title = "Unpublishedplanword plan"
    unpublished.save()
    hidden = make_commitment(unpublished, jo_police, title="Unpublishedplanword commitment")
    make_update(hidden, narrative="Unpublishedplanword update", publish=True)

    # A published plan behind a view restriction.
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    pe_police = AgencyFactory(country=peru, name="Policia Nacional", acronym="PNP")
    restricted = make_plan(peru)
    restricted.title = "Restrictedword plan"
    restricted.save()
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))
    behind = make_commitment(restricted, pe_police, title="Restrictedword commitment")
    make_update(behind, narrative="Restrictedword update", publish=True)
    # A draft of the published plan page, and a draft Arabic translation of it (last:
    # translating adds an Arabic plan index, and make_plan expects one).
    page = ke_plan.get_latest_revision_as_object()
    page.title = "Plandraftword plan"
    page.save_revision()
    source, _created = TranslationSource.get_or_create_from_instance(ke_plan)
    arabic = Locale.objects.get(language_code="ar")
    Translation.objects.create(source=source, target_locale=arabic).save_target(publish=False)
    translated = ke_plan.get_translation(arabic).specific
    translated.title = "Arabicdraftword plan"
    translated.save_revision()

    return {
        "plan": ke_plan,
        "live": live,
        "indicator": indicator,
        "public_budget": public_budget,
        "hidden": {
            "plans": [unpublished, restricted, translated],
            "commitments": [never, internal, hidden, behind],
            "indicators": [],
            "progress-updates": [
                u.pk for c in (internal, hidden, behind) for u in c.progress_updates.all()
            ]
            + list(live.progress_updates.filter(published_at__isnull=True)),
        },
    }


def filter_sets(world):
    hidden = world["hidden"]
    yield {}
    for country in ("ke", "jo", "pe", "KE"):
        yield {"country": country}
    for status in [*Commitment.Status.values, "overdue"]:
        yield {"status": status}
    yield {"status": "drafting"}
    for value in ("true", "false"):
        yield {"overdue": value}
    for since in ("2000-01-01", "2000-01-01T00:00:00Z"):
        yield {"updated_since": since}
    for number in (4, 11, 21):
        yield {"capability": number}
    for plan in hidden["plans"]:
        yield {"plan": plan.pk}
    for commitment in hidden["commitments"]:
        yield {"commitment": commitment.pk}
    yield {"page_size": 1}


def api_texts(client, world):
    texts = {"/api/v1/": client.get("/api/v1/").content.decode()}
    for endpoint in ENDPOINTS:
        for params in filter_sets(world):
            response = client.get(f"/api/v1/{endpoint}/", params)
            assert response.status_code in (200, 400), (endpoint, params, response.status_code)
            texts[f"{endpoint} {params}"] = response.content.decode()
    return texts


def assert_no_secrets(text, where):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked through {where}"


def test_no_endpoint_or_filter_shows_anything_unpublished_or_internal(client, world):
    texts = api_texts(client, world)
    for where, text in texts.items():
        assert_no_secrets(text, where)
    # The same requests do show the public content, so the checks can fail.
    assert "Train investigators" in texts["commitments {}"]
    assert "Helpline hours" in texts["commitments {}"]
    assert "Forty investigators trained" in texts["progress-updates {}"]
    assert "Investigators trained" in texts["indicators {}"]
    assert "Kenya national plan" in texts["plans {}"]


def test_hidden_objects_have_no_detail_url(client, world):
    hidden = world["hidden"]
    for plan in hidden["plans"]:
        assert client.get(f"/api/v1/plans/{plan.pk}/").status_code == 404, plan
    for commitment in hidden["commitments"]:
        assert client.get(f"/api/v1/commitments/{commitment.pk}/").status_code == 404
        for indicator in commitment.indicators.all():
            assert client.get(f"/api/v1/indicators/{indicator.pk}/").status_code == 404
    for update in hidden["progress-updates"]:
        pk = getattr(update, "pk", update)
        assert client.get(f"/api/v1/progress-updates/{pk}/").status_code == 404
    assert client.get(f"/api/v1/commitments/{world['live'].pk}/").status_code == 200


def test_details_of_public_objects_show_no_secret(client, world):
    live, indicator = world["live"], world["indicator"]
    urls = [
        f"/api/v1/plans/{world['plan'].pk}/",
        f"/api/v1/commitments/{live.pk}/",
        f"/api/v1/commitments/{world['public_budget'].pk}/",
        f"/api/v1/indicators/{indicator.pk}/",
    ] + [
        f"/api/v1/progress-updates/{u.pk}/"
        for u in live.progress_updates.filter(published_at__isnull=False)
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secrets(response.content.decode(), url)
    measured = client.get(f"/api/v1/indicators/{indicator.pk}/").json()
    assert [m["value"] for m in measured["measurements"]] == ["40.00"]


def test_a_budget_is_shown_only_where_it_is_public(client, world):
    internal_budget = client.get(f"/api/v1/commitments/{world['live'].pk}/").json()
    assert internal_budget["funding"] is None
    public = client.get(f"/api/v1/commitments/{world['public_budget'].pk}/").json()
    assert public["funding"] == {
        "cost": "123456.00",
        "currency": "KES",
        "funding_source": "Government budget",
    }


def test_a_commitment_shows_its_live_version(client, world):
    data = client.get(f"/api/v1/commitments/{world['live'].pk}/").json()
    assert data["title"] == "Train investigators"
    assert data["html_url"].endswith(f"{world['plan'].url}commitments/{world['live'].pk}/")


def test_a_live_translation_is_the_same_plan_not_another(client, ke_plan):
    source, _created = TranslationSource.get_or_create_from_instance(ke_plan)
    arabic = Locale.objects.get(language_code="ar")
    Translation.objects.create(source=source, target_locale=arabic).save_target(publish=False)
    translated = ke_plan.get_translation(arabic).specific
    translated.save_revision().publish()
    translated.refresh_from_db()
    assert translated.live
    ids = [plan["id"] for plan in client.get("/api/v1/plans/").json()["results"]]
    assert ids == [ke_plan.pk]
    assert client.get(f"/api/v1/plans/{translated.pk}/").status_code == 404
