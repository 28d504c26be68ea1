"""Plan bundles: export a country, remove it, import it back, and find everything as before."""

import datetime
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from guardian.models import GroupObjectPermission
from wagtail.documents.models import Document
from wagtail.models import Page, Revision, Workflow

from interchange.bundles import BundleError, export_bundle, import_bundle
from plans import permissions
from plans import services as plan_services
from plans.models import (
    Commitment,
    ConsultationComment,
    ConsultationRound,
    CountryReviewSetup,
    Finding,
    InspireStrategy,
    LegislativeReview,
    NationalPlanPage,
)
from publishing.models import AnnualReport, AnnualReportFile
from stakeholders.models import Agency, Country
from tracking import services as tracking_services
from tracking.evidence import country_evidence_collection
from tracking.models import IndicatorMeasurement, ProgressUpdate, ReportingPeriod

from ..factories import make_commitment, training

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PDF = b"%PDF-1.4 attendance sheet of the first course"


@pytest.fixture
def kenya_plan(ke_plan, ke_police, ke_helpline, ke_police_drafter, ke_coordinator):
    """A published plan with every kind of commitment, updates and an evidence document."""
    published = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators in online child exploitation",
        supporting=[ke_helpline],
        inspire_strategies=InspireStrategy.objects.filter(number__in=[1, 3]),
        indicators=[{"name": "Investigators trained", "unit": "officers", "target": 120}],
        kind=Commitment.Kind.TRAINING,
        delivery=Commitment.Delivery.IN_PERSON,
        training_targets=[{"audience": "police", "people": 120}],
    )
    plan_services.commitment_save_draft(
        actor=ke_police_drafter, commitment=published, title="Train 150 investigators"
    )
    make_commitment(ke_plan, ke_helpline, title="Extend helpline hours", publish=False)
    make_commitment(
        ke_plan, ke_police, title="Undercover operations protocol", capability=11, is_internal=True
    )
    document = Document.objects.create(
        title="Attendance sheet",
        file=SimpleUploadedFile("attendance.pdf", PDF),
        collection=country_evidence_collection(country=ke_plan.country),
    )
    indicator = published.indicators.get()
    tracking_services.progress_update_create(
        actor=ke_police_drafter,
        commitment=published,
        status="on_track",
        progress=40,
        narrative="Two courses held.",
        reporting_date=TODAY - datetime.timedelta(days=3),
        evidence_document=document,
        measurements=[{"indicator": indicator, "value": 48, "measured_on": TODAY}],
        trainings=[training(participants={"police": {"female": 20, "male": 28}})],
        publish=True,
    )
    tracking_services.progress_update_create(
        actor=None, commitment=published, status="at_risk", progress=45, narrative="Draft."
    )
    return NationalPlanPage.objects.get(pk=ke_plan.pk)


@pytest.fixture
def jordan_plan(jo_plan, jo_police):
    make_commitment(jo_plan, jo_police, title="Jordan's own commitment")
    return jo_plan


def _revision_rows(obj):
    return [
        (r.created_at, r.user.username if r.user else None, r.object_str, r.content.get("title"))
        for r in Revision.objects.for_instance(obj).order_by("created_at", "pk")
    ]


def snapshot(code):
    """Everything a bundle carries for a country, without database ids."""
    country = Country.objects.get(code=code)
    plans = NationalPlanPage.objects.filter(country=country).order_by("slug")
    data = {
        "country": (country.name, country.default_language),
        "groups": sorted(
            [country.coordinators_group.name, country.reviewers_group.name]
            + [g for a in country.agencies.all() for g in (a.group.name, a.heads_group.name)]
        ),
        "agencies": sorted(
            (a.name, a.acronym, a.sector, a.is_active) for a in country.agencies.all()
        ),
        "memberships": sorted(
            (m.user.username, m.agency.name, m.role)
            for a in country.agencies.all()
            for m in a.memberships.all()
        ),
        "plans": [
            {
                "title": p.title,
                "draft_title": p.draft_title,
                "url_path": p.url_path,
                "live": p.live,
                "unpublished": p.has_unpublished_changes,
                "first_published_at": p.first_published_at,
                "last_published_at": p.last_published_at,
                "sections": [
                    (s.capability.number, s.objective) for s in p.capability_sections.all()
                ],
                "revisions": _revision_rows(p),
                "live_revision": p.live_revision.created_at if p.live_revision else None,
            }
            for p in plans
        ],
        "commitments": {},
        "updates": [],
    }
    for c in Commitment.objects.filter(plan__country=country).order_by("title"):
        latest = c.get_latest_revision_as_object()
        data["commitments"][c.title] = {
            "live": c.live,
            "unpublished": c.has_unpublished_changes,
            "latest_title": latest.title,
            "latest_lead": latest.lead_agency.name,
            "published_at": (c.first_published_at, c.last_published_at),
            "is_internal": c.is_internal,
            "status": (c.status, c.progress),
            "capability": c.capability.number,
            "supporting": sorted(a.name for a in c.supporting_agencies.all()),
            "inspire": sorted(s.number for s in c.inspire_strategies.all()),
            "indicators": [(i.name, i.unit, i.target) for i in c.indicators.all()],
            "targets": [(t.audience, t.people) for t in c.training_targets.all()],
            "revisions": _revision_rows(c),
            "live_revision": c.live_revision.created_at if c.live_revision else None,
        }
    for u in ProgressUpdate.objects.filter(commitment__plan__country=country).order_by("pk"):
        document = u.evidence_document
        data["updates"].append(
            {
                "commitment": u.commitment.title,
                "agency": u.agency.name,
                "fields": (u.status, u.progress, u.narrative, u.reporting_date, u.is_contribution),
                "dates": (u.published_at, u.created_at, u.updated_at),
                "author": u.author.username if u.author else None,
                "measurements": [
                    (m.indicator.name, m.value, m.measured_on) for m in u.measurements.all()
                ],
                "trainings": [
                    (
                        t.title,
                        t.starts_on,
                        t.city,
                        [(p.audience, p.sex, p.people) for p in t.participants.all()],
                    )
                    for t in u.trainings.all()
                ],
                "document": (
                    document.title,
                    document.collection.name,
                    hashlib.sha256(document.file.open("rb").read()).hexdigest(),
                )
                if document
                else None,
            }
        )
    return data


def public_views(client, plan):
    """The public plan page and its JSON export, with database ids masked."""
    html = client.get(plan.url).content.decode()
    html = re.sub(r'(commitments/|value="|agency=|id="c-|#c-)\d+', r"\1N", html)
    exported = json.loads(client.get(plan.url + "export.json").content)
    for commitment in exported["commitments"]:
        commitment.pop("id")
        commitment["url"] = re.sub(r"commitments/\d+", "commitments/N", commitment["url"])
        for reported in commitment["trainings"]:
            reported.pop("id"), reported.pop("update")
    return html, exported


def delete_country(code):
    """Remove every row the country's bundle restores (a database without the country)."""
    country = Country.objects.get(code=code)
    plans = list(NationalPlanPage.objects.filter(country=country))
    commitments = Commitment.objects.filter(plan__in=plans)
    commitment_type = ContentType.objects.get_for_model(Commitment)
    ids = [str(pk) for pk in commitments.values_list("pk", flat=True)]
    GroupObjectPermission.objects.filter(content_type=commitment_type, object_pk__in=ids).delete()
    Revision.objects.filter(base_content_type=commitment_type, object_id__in=ids).delete()
    # Annual reports and consultation comments protect what they point at: they go first.
    AnnualReportFile.objects.filter(report__period__plan__in=plans).delete()
    AnnualReport.objects.filter(period__plan__in=plans).delete()
    ConsultationComment.objects.filter(round__plan__in=plans).delete()
    ConsultationRound.objects.filter(plan__in=plans).delete()
    ProgressUpdate.objects.filter(commitment__in=commitments).delete()
    ReportingPeriod.objects.filter(plan__in=plans).delete()
    commitments.delete()
    page_type = ContentType.objects.get_for_model(Page)
    for plan in plans:
        Revision.objects.filter(base_content_type=page_type, object_id=str(plan.pk)).delete()
        plan.delete()
    setup = CountryReviewSetup.objects.get(country=country)
    workflows = [setup.plan_workflow_id, setup.commitment_workflow_id]
    setup.delete()
    Workflow.objects.filter(pk__in=workflows).delete()
    collection = country_evidence_collection(country=country)
    Document.objects.filter(collection=collection).delete()
    collection.delete()
    groups = [country.coordinators_group_id, country.reviewers_group_id, country.viewers_group_id]
    for agency in Agency.objects.filter(country=country):
        groups += [agency.group_id, agency.heads_group_id]
        agency.delete()
    LegislativeReview.objects.filter(country=country).delete()
    Finding.objects.filter(country=country).delete()
    country.delete()
    Group.objects.filter(pk__in=groups).delete()


def test_a_country_round_trips_through_a_bundle(
    client, tmp_path, kenya_plan, jordan_plan, ke_police_drafter
):
    before = snapshot("ke")
    jordan_before = snapshot("jo")
    views_before = public_views(client, kenya_plan)
    assert "Undercover operations protocol" not in views_before[0]
    assert "Train investigators in online child exploitation" in views_before[0]
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        data_json = archive.read("data.json").decode()
        documents = [name for name in manifest["files"] if name.startswith("documents/")]
        assert [archive.read(name) for name in documents] == [PDF]
    assert manifest["country"]["code"] == "ke"
    assert manifest["counts"]["commitments"] == 3
    assert manifest["counts"]["commitment_revisions"] == 4
    assert "password" not in data_json and "@example.org" not in data_json
    assert "Jordan" not in data_json

    delete_country("ke")
    assert not Commitment.objects.filter(plan__country__code="ke").exists()
    call_command("import_plan_bundle", str(path))

    assert snapshot("ke") == before
    assert snapshot("jo") == jordan_before
    plan = NationalPlanPage.objects.get(country__code="ke")
    assert public_views(client, plan) == views_before

    # Rights are derived again: the police drafter edits their agency's commitment.
    commitment = Commitment.objects.get(title="Train investigators in online child exploitation")
    assert permissions.user_can_edit_commitment(user=ke_police_drafter, commitment=commitment)
    commitment = plan_services.commitment_save_draft(
        actor=ke_police_drafter, commitment=commitment, title="Train 200 investigators"
    )
    assert commitment.get_latest_revision_as_object().title == "Train 200 investigators"

    # Revisions refer to the new rows: publishing one keeps indicators (and their
    # measurements) and capability sections instead of recreating or stealing them.
    indicators = list(commitment.indicators.values_list("pk", flat=True))
    commitment.latest_revision.publish(user=None, skip_permission_checks=True)
    commitment.refresh_from_db()
    assert (commitment.title, commitment.live) == ("Train 200 investigators", True)
    assert list(commitment.indicators.values_list("pk", flat=True)) == indicators
    assert IndicatorMeasurement.objects.filter(indicator__commitment=commitment).count() == 1
    sections = list(plan.capability_sections.values_list("pk", flat=True))
    plan.get_latest_revision().publish()
    assert list(plan.capability_sections.values_list("pk", flat=True)) == sections
    assert snapshot("jo") == jordan_before
    other = Commitment.objects.get(title="Extend helpline hours")
    assert not permissions.user_can_edit_commitment(user=ke_police_drafter, commitment=other)


def test_a_bundle_without_its_users_restores_content_without_memberships(
    tmp_path, kenya_plan, ke_police_drafter
):
    path = tmp_path / "ke.zip"
    export_bundle(country=kenya_plan.country, out=path)
    delete_country("ke")
    ke_police_drafter.delete()
    result = import_bundle(path=path)
    assert result.counts["commitments"] == 3
    assert any("ke-police-drafter" in line for line in result.skipped_memberships)
    update = ProgressUpdate.objects.filter(published_at__isnull=False).get()
    assert update.author is None
    assert IndicatorMeasurement.objects.filter(update=update).count() == 1


def test_importing_a_country_that_exists_is_refused_and_changes_nothing(tmp_path, kenya_plan):
    path = tmp_path / "ke.zip"
    export_bundle(country=kenya_plan.country, out=path)
    counts = [m.objects.count() for m in (Commitment, Revision, Page, Document, Agency)]
    with pytest.raises(CommandError, match="Kenya \\(ke\\) already exists"):
        call_command("import_plan_bundle", str(path))
    assert [m.objects.count() for m in (Commitment, Revision, Page, Document, Agency)] == counts


def test_a_corrupted_bundle_is_refused(tmp_path, kenya_plan):
    path, tampered = tmp_path / "ke.zip", tmp_path / "tampered.zip"
    export_bundle(country=kenya_plan.country, out=path)
    delete_country("ke")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("documents/"):
                content = content.replace(b"first", b"forged")
            target.writestr(item, content)
    with pytest.raises(BundleError, match="sha256 does not match"):
        import_bundle(path=tampered)
    assert not Country.objects.filter(code="ke").exists()


def test_a_failing_import_leaves_nothing_behind(tmp_path, kenya_plan, jordan_plan):
    path = tmp_path / "ke.zip"
    export_bundle(country=kenya_plan.country, out=path)
    delete_country("ke")
    # Another plan now has the slug, so the plan cannot go back under /plans/ as it was.
    jordan_plan.slug = "ke-2025-2029"
    jordan_plan.save_revision().publish()
    documents = Document.objects.count()
    media = {p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    with pytest.raises(BundleError, match="cannot be placed under /plans/"):
        import_bundle(path=path)
    assert not Country.objects.filter(code="ke").exists()
    assert not Agency.objects.filter(name="Childline Kenya").exists()
    assert Document.objects.count() == documents
    assert {p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()} == media
