"""Nothing unpublished or internal reaches the public, through any public URL.

One plan holds every kind of content the public must not see: a newer draft of a
published commitment, a commitment never published, a commitment marked internal, and
internal fields (notes, an unconfirmed budget) on a public commitment. Each public way
in is read as an anonymous visitor would, and searched for the secret words.
"""

import datetime
import io
import json
from decimal import Decimal

import pytest
from pypdf import PdfReader

from plans import services
from plans.models import Commitment
from tracking import services as tracking_services

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

SECRETS = (
    "Draftword",  # the newer draft of a published commitment
    "Neverword",  # a commitment never published
    "Internalword",  # a published commitment marked internal
    "Notesword",  # internal notes on a public commitment
    "987654",  # an unconfirmed (internal) budget figure
    "Fundingword",  # the funding source of that internal budget
)


@pytest.fixture
def content(ke_plan, ke_police, ke_helpline):
    live = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        internal_notes="Notesword operational detail",
        estimated_cost=Decimal("987654"),
        currency="KES",
        funding_source="Fundingword grant",
        budget_visibility=Commitment.BudgetVisibility.INTERNAL,
    )
    services.commitment_save_draft(
        actor=None, commitment=live, title="Draftword title", description="Draftword text"
    )
    never = make_commitment(ke_plan, ke_helpline, title="Neverword helpline", publish=False)
    internal = make_commitment(
        ke_plan,
        ke_police,
        title="Internalword joint operations",
        is_internal=True,
    )
    # A published update on the internal commitment must not surface either.
    tracking_services.progress_update_create(
        actor=None,
        commitment=internal,
        status=Commitment.Status.ON_TRACK,
        progress=40,
        narrative="Internalword progress narrative",
        reporting_date=datetime.date(2026, 1, 31),
        publish=True,
    )
    public_budget = make_commitment(
        ke_plan,
        ke_helpline,
        title="Helpline hours",
        capability=11,
        estimated_cost=Decimal("123456"),
        currency="KES",
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
    )
    return {
        "plan": ke_plan,
        "live": live,
        "never": never,
        "internal": internal,
        "public_budget": public_budget,
    }


def assert_no_secrets(text, where):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked through {where}"


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def public_texts(client, content):
    """Every public rendering of the plan, keyed by where it came from."""
    plan, live = content["plan"], content["live"]
    texts = {}
    for url in (
        plan.url,
        f"{plan.url}?status=not_started",
        f"{plan.url}?capability=4",
        f"/ar{plan.url}",
        f"{plan.url}commitments/{live.pk}/",
        f"{plan.url}export.csv",
        f"{plan.url}export.json",
        f"{plan.url}export.iati.xml",
        f"/api/v2/pages/{plan.pk}/",
        "/api/v2/pages/?type=plans.NationalPlanPage&fields=public_commitments",
        "/sitemap.xml",
        "/",
        "/plans/",
    ):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        texts[url] = response.content.decode("utf-8")
    response = client.get(f"{plan.url}export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    texts["export.pdf"] = pdf_text(response.content)
    for word in SECRETS:
        response = client.get("/search/", {"q": word})
        texts[f"search {word}"] = (
            response.content.decode("utf-8")
            .replace(f'value="{word}"', "")
            .replace(f"“{word}”", "")  # the visitor's own words, said back
        )
    return texts


def test_no_draft_never_published_or_internal_content_anywhere_public(client, content):
    texts = public_texts(client, content)
    for where, text in texts.items():
        assert_no_secrets(text, where)
    # The same public renderings do show the published content, so the checks can fail.
    assert "Train investigators" in texts[content["plan"].url]
    assert "Train investigators" in texts["export.pdf"]
    assert "Helpline hours" in texts[f"{content['plan'].url}export.csv"]
    assert "123456" in texts[f"{content['plan'].url}export.json"]
    assert "Helpline hours" in texts[f"{content['plan'].url}export.iati.xml"]


def test_unpublished_and_internal_commitments_have_no_page(client, content):
    plan = content["plan"]
    for key in ("never", "internal"):
        url = f"{plan.url}commitments/{content[key].pk}/"
        assert client.get(url).status_code == 404, key
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"commitments/{content['live'].pk}/" in sitemap
    assert f"commitments/{content['never'].pk}/" not in sitemap
    assert f"commitments/{content['internal'].pk}/" not in sitemap


def test_public_figures_leave_out_internal_commitments(client, content):
    data = json.loads(client.get(f"{content['plan'].url}export.json").content)
    assert {c["title"] for c in data["commitments"]} == {"Train investigators", "Helpline hours"}
    assert "2 published commitments" in client.get("/plans/").content.decode()
    home = client.get("/").content.decode()
    assert '<span class="figure">2</span> published commitments' in home
    page = client.get(content["plan"].url).content.decode()
    # Capability 4 holds the public "Train investigators" (0 %) and the internal one
    # (40 %): the map counts one commitment at 0 %, not two averaging 20 %.
    assert "0% · 1 commitment" in page
    assert "2 commitments" not in page and "20%" not in page


def test_internal_content_is_shown_in_the_admin_to_the_country(client, content, ke_coordinator):
    client.force_login(ke_coordinator)
    internal = content["internal"]
    response = client.get(f"/admin/snippets/plans/commitment/edit/{internal.pk}/")
    assert response.status_code == 200
    assert "Internalword joint operations" in response.content.decode()
    live = client.get(f"/admin/snippets/plans/commitment/edit/{content['live'].pk}/")
    assert "Notesword operational detail" in live.content.decode()


def test_internal_content_is_hidden_from_other_countries_admins(client, content, jo_coordinator):
    client.force_login(jo_coordinator)
    internal = content["internal"]
    assert client.get(f"/admin/snippets/plans/commitment/edit/{internal.pk}/").status_code in (
        302,
        403,
        404,
    )
