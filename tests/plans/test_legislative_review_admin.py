"""/admin/legislation/: the country's coordinator writes and publishes its legislative
review; the country's drafters read it; nobody of another country sees or changes it, by
listing or by URL; a published review is deleted by a superuser only."""

import pytest

from plans.models import AssessmentStatus, Finding, LegislativeCriterion, LegislativeReview

from ..legislation_helpers import make_review

pytestmark = pytest.mark.django_db

SECRET = "KESECRET internal legislative review"
REFUSED = (302, 403, 404)


@pytest.fixture
def review(kenya):
    return make_review(
        kenya, title=SECRET, public=False, statuses={"isp-reporting": AssessmentStatus.NOT_MET}
    )


def urls(review):
    return {
        "edit": f"/admin/legislation/edit/{review.pk}/",
        "inspect": f"/admin/legislation/inspect/{review.pk}/",
        "delete": f"/admin/legislation/delete/{review.pk}/",
        "history": f"/admin/legislation/history/{review.pk}/",
        "usage": f"/admin/legislation/usage/{review.pk}/",
    }


def form(review, **changes):
    """The edit form as a browser sends it: every assessment row and no bill."""
    review = LegislativeReview.objects.get(pk=review.pk)
    data = {
        "country": review.country_id,
        "title": review.title,
        "date": "2025-03-01",
        "source_url": "",
        "summary": "",
        "terminology_quotations": "",
        "pending_bills-TOTAL_FORMS": "0",
        "pending_bills-INITIAL_FORMS": "0",
        "pending_bills-MIN_NUM_FORMS": "0",
        "pending_bills-MAX_NUM_FORMS": "1000",
    }
    rows = list(review.assessments.select_related("criterion"))
    data.update(
        {
            "assessments-TOTAL_FORMS": str(len(rows)),
            "assessments-INITIAL_FORMS": str(len(rows)),
            "assessments-MIN_NUM_FORMS": "0",
            "assessments-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        prefix = f"assessments-{index}-"
        data.update(
            {
                prefix + "id": str(row.pk),
                prefix + "criterion": str(row.criterion_id),
                prefix + "status": changes.pop(row.criterion.code, row.status),
                prefix + "law": row.law,
                prefix + "article": row.article,
                prefix + "note": row.note,
                prefix + "ORDER": str(index + 1),
            }
        )
    data.update(changes)
    return data


def test_the_coordinator_edits_publishes_and_the_findings_follow(client, review, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.get(urls(review)["edit"]).status_code == 200
    response = client.post(
        urls(review)["edit"], form(review, **{"online-grooming": "partly", "public": "on"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    review.refresh_from_db()
    assert review.public is True
    grooming = review.assessments.get(criterion__code="online-grooming")
    assert grooming.status == AssessmentStatus.PARTLY
    codes = set(
        Finding.objects.filter(country=review.country, public=True).values_list(
            "legislative_criterion__code", flat=True
        )
    )
    assert codes == {"isp-reporting", "online-grooming"}
    history = client.get(urls(review)["history"])
    assert history.status_code == 200 and "ke-coord" in history.content.decode()


def test_a_new_review_offers_every_criterion(client, kenya, ke_coordinator):
    client.force_login(ke_coordinator)
    page = client.get("/admin/legislation/new/").content.decode()
    for criterion in LegislativeCriterion.objects.all():
        assert f'value="{criterion.pk}" selected' in page, criterion.code
    assert 'name="assessments-TOTAL_FORMS" value="8"' in page


def test_the_coordinator_adds_a_review_with_a_pending_bill(client, kenya, ke_coordinator):
    client.force_login(ke_coordinator)
    possession = LegislativeCriterion.objects.get(code="knowing-possession")
    data = {
        "country": kenya.pk,
        "title": "Kenya review 2025",
        "date": "2025-03-01",
        "source_url": "",
        "summary": "",
        "terminology_quotations": "",
        "assessments-TOTAL_FORMS": "1",
        "assessments-INITIAL_FORMS": "0",
        "assessments-MIN_NUM_FORMS": "0",
        "assessments-MAX_NUM_FORMS": "1000",
        "assessments-0-criterion": str(possession.pk),
        "assessments-0-status": "not_met",
        "assessments-0-law": "",
        "assessments-0-article": "",
        "assessments-0-note": "",
        "assessments-0-ORDER": "1",
        "pending_bills-TOTAL_FORMS": "1",
        "pending_bills-INITIAL_FORMS": "0",
        "pending_bills-MIN_NUM_FORMS": "0",
        "pending_bills-MAX_NUM_FORMS": "1000",
        "pending_bills-0-title": "Cybercrimes (Amendment) Bill",
        "pending_bills-0-stage": "committee",
        "pending_bills-0-criteria": [str(possession.pk)],
        "pending_bills-0-note": "",
        "pending_bills-0-ORDER": "1",
    }
    response = client.post("/admin/legislation/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    review = LegislativeReview.objects.get(country=kenya)
    assert review.public is False  # internal until published
    assert review.assessments.count() == LegislativeCriterion.objects.count()
    (bill,) = review.pending_bills.all()
    assert bill.stage == "committee" and list(bill.criteria.all()) == [possession]
    finding = Finding.objects.get(country=kenya)
    assert finding.legislative_criterion == possession and finding.public is False


def test_a_drafter_of_the_country_reads_but_does_not_edit(client, review, ke_police_drafter):
    client.force_login(ke_police_drafter)
    assert SECRET in client.get("/admin/legislation/").content.decode()
    inspect = client.get(urls(review)["inspect"])
    assert inspect.status_code == 200
    assert "Internet service providers must report" in inspect.content.decode()
    for name in ("edit", "delete"):
        assert client.get(urls(review)[name]).status_code in REFUSED, name
    assert client.get("/admin/legislation/new/").status_code in (302, 403)
    client.post(urls(review)["edit"], form(review, **{"isp-reporting": "met"}))
    assert review.assessments.get(criterion__code="isp-reporting").status == "not_met"


def test_another_countrys_coordinator_and_drafter_see_and_change_nothing(
    client, review, jo_coordinator, jo_police
):
    from ..factories import UserFactory, member

    jo_drafter = UserFactory(username="jo-drafter")
    member(jo_drafter, jo_police)
    for user in (jo_coordinator, jo_drafter):
        client.force_login(user)
        listing = client.get("/admin/legislation/")
        assert SECRET not in listing.content.decode()
        for name, url in urls(review).items():
            response = client.get(url)
            assert response.status_code in REFUSED, (user, name)
            assert SECRET not in response.content.decode()
        client.post(urls(review)["edit"], form(review, **{"isp-reporting": "met", "public": "on"}))
        client.post(urls(review)["delete"])
    review.refresh_from_db()
    assert review.public is False
    assert review.assessments.get(criterion__code="isp-reporting").status == "not_met"


def test_the_coordinator_cannot_give_the_review_another_country(
    client, review, ke_coordinator, jordan
):
    client.force_login(ke_coordinator)
    client.post(urls(review)["edit"], form(review, country=jordan.pk))
    assert LegislativeReview.objects.get(pk=review.pk).country_id == review.country_id


def test_a_published_review_is_deleted_by_a_superuser_only(
    client, kenya, ke_coordinator, superuser
):
    review = make_review(kenya, public=True)
    client.force_login(ke_coordinator)
    assert client.get(urls(review)["delete"]).status_code in REFUSED
    client.post(urls(review)["delete"])
    assert LegislativeReview.objects.filter(pk=review.pk).exists()
    client.force_login(superuser)
    assert client.post(urls(review)["delete"]).status_code == 302
    assert not LegislativeReview.objects.filter(pk=review.pk).exists()


def test_the_coordinator_deletes_an_internal_review(client, review, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.post(urls(review)["delete"]).status_code == 302
    assert not LegislativeReview.objects.filter(pk=review.pk).exists()
    assert Finding.objects.filter(country=review.country).exists()  # the register keeps it


def test_a_country_with_a_review_gets_no_second_one(client, review, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.get("/admin/legislation/new/").status_code in REFUSED
    assert "Add legislative review" not in client.get("/admin/legislation/").content.decode()
