"""Plan bundles: one country's plans, commitments, history and evidence in one archive.

`export_bundle` writes a zip with

* `manifest.json`: format version, when, which country, app versions, object counts, and
  the sha256 of every other member (an import refuses an archive that does not match);
* `data.json`: the country, its agencies (their groups by name), memberships as
  username + agency + role, the country's English plan pages with their capability
  sections, its commitments with indicators, every revision of both (content as Wagtail
  stores it), progress updates with measurements and people trained, and the evidence
  documents' metadata; the findings register; the plans' reporting periods (the
  progress updates name their period), the annual progress reports of the closed ones
  (their snapshots as made), the legislative review with its assessments and pending
  bills, and the consultation rounds with their comments and responses;
* `documents/<id>/<filename>`: the evidence files' bytes;
* `annual-reports/<report id>/<language>.<pdf|xlsx>`: the annual reports' stored files.

An annual report is a frozen public record: its snapshot and its files travel byte for
byte and are restored as they are, never made again (the snapshot keeps the ids and
addresses of the installation that made it, as its PDF and spreadsheet print them). A file
whose bytes no longer match the sha256 recorded when it was made is refused.

Rows are kept in Wagtail's own serialised form (`serializable_data()`, the format of
revision content), so a live row and its revisions are remapped by the same code.

`import_bundle` restores it into a database where the country does not exist yet (after
`migrate`, which creates the home page, `/plans/` and the reference data). It never keeps
the archive's ids: every object is created anew and every reference, including those
inside revision content, is rewritten old id -> new id. That works in an empty database
and equally in one that holds other countries. Reference data (MNR capabilities, INSPIRE
strategies) is matched by framework code and number, the legislative review's criteria
by code. Rights (group object permissions, page permissions, workflows, the evidence
collection's restriction) are derived data: they are recomputed by the services, never
copied.

No user accounts travel: users appear only as usernames (revision authors, page owners,
update authors and who submitted or sent back an update, memberships, who opened and
closed a period or a consultation round, the authors of consultation comments and who
answered them), re-linked on import to accounts of the same username where they exist,
left empty otherwise. The focal persons of commitments and indicators (in the rows and in
every revision) are memberships: they point at the bundle's membership rows (username and
agency, with an id that names them inside the bundle only) and come back as the membership
restored for that username in that agency, or empty where none was restored (no such
account here, or a bundle older than those ids). No id of a user or a membership is ever
kept from the database that made the bundle.

Not carried (see README "Backups"): workflow and task states (an object that was in review
comes back as a draft not in review), locks, comments on pages, Wagtail's audit log and
django-reversion history of the country and agencies, document tags, translations of
plan pages (wagtail-localize) and user accounts themselves.

An archive to import may have been crafted: `plans.bundle_archive` opens it, checking
member names, sizes, checksums and the shape of the JSON before anything is written.
"""

import datetime
import hashlib
import json
import os
import platform
import zipfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, SuspiciousOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DataError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Revision, WorkflowTask
from wagtail.search.index import insert_or_update_object

from plans import services
from plans.models import (
    Capability,
    Commitment,
    CommitmentIndicatorTranslation,
    ConsultationComment,
    ConsultationRound,
    CountryReviewSetup,
    Finding,
    InspireStrategy,
    LeadAgencyHeadTask,
    LegislativeAssessment,
    LegislativeCriterion,
    LegislativeReview,
    NationalPlanPage,
    OutcomeIndicator,
    PendingBill,
    PlanIndexPage,
    PlanOutcome,
    PlanOutput,
)
from publishing import caching
from publishing.models import AnnualReport, AnnualReportFile
from stakeholders import services as stakeholder_services
from stakeholders.models import Agency, Country, Membership
from terminology.services import ensure_publishable
from tracking.evidence import country_evidence_collection
from tracking.models import (
    LEGACY_TRAINING_TITLE,
    PERIOD_OF_ANOTHER_PLAN,
    ProgressUpdate,
    ReportingPeriod,
    Training,
)

from .bundle_archive import (
    DATA,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    REPORT_FILE_ALTERED,
    BundleArchive,
    BundleError,
    report_file_member,
)

IMPORT_COMMENT = "Restored from a plan bundle"
BUNDLE_INVALID = "The bundle cannot be restored (%(error)s); nothing was imported."
REFERENCE_MISSING = (
    "The bundle cannot be restored: %(what)s refers to %(kind)s %(id)s, which the bundle does "
    "not hold; nothing was imported."
)
LEFT_OUT = [
    "user accounts (users appear as usernames only)",
    "workflow and task states (objects in review come back as drafts not in review)",
    "locks",
    "page comments",
    "the audit log (also of reporting periods, the legislative review and consultation "
    "rounds) and django-reversion history of the country and its agencies",
    "document tags",
    "translations of plan pages (wagtail-localize)",
    "object and page permissions, workflows, the evidence collection's restriction "
    "(recomputed on import)",
]


# A progress update's users: carried by username beside its row, never as ids.
UPDATE_PEOPLE = ("author", "submitted_by", "rejected_by")


@dataclass
class ImportResult:
    country: Country
    counts: dict
    skipped_memberships: list = field(default_factory=list)


# --- Export ----------------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes keep their microseconds (it cuts them to ms)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


def _jsonable(value):
    return json.loads(json.dumps(value, cls=_Encoder))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _package_version(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _strip_users(content: dict) -> dict:
    """No user ids, locks or comments in the archive (usernames are kept beside it)."""
    content = dict(content)
    for key in ("owner", "locked_by"):
        if key in content:
            content[key] = None
    if "locked" in content:
        content["locked"], content["locked_at"] = False, None
    if "wagtail_admin_comments" in content:
        content["wagtail_admin_comments"] = []
    return content


def _revisions(base_model, object_ids, usernames):
    rows = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(base_model),
        object_id__in=[str(pk) for pk in object_ids],
    ).order_by("pk")
    by_object = {}
    for revision in rows:
        by_object.setdefault(revision.object_id, []).append(
            {
                "id": revision.pk,
                "created_at": revision.created_at,
                "user": usernames.get(revision.user_id),
                "object_str": revision.object_str,
                "approved_go_live_at": revision.approved_go_live_at,
                "content": _strip_users(revision.content),
            }
        )
    return by_object


def _country_documents(country, updates):
    Document = get_document_model()
    collection = (
        Collection.get_first_root_node()
        .get_children()
        .filter(name=f"Evidence: {country.name}")
        .first()
    )
    wanted = Q(pk__in=[u.evidence_document_id for u in updates if u.evidence_document_id])
    if collection is not None:
        wanted |= Q(collection=collection)
    return list(Document.objects.filter(wanted).order_by("pk"))


def _update_data(update) -> dict:
    # modelcluster serialises auto_now fields as "now" (it calls pre_save): keep the stored.
    stored = {"created_at": update.created_at, "updated_at": update.updated_at}
    # Its trainings (with their participant counts, a cluster of their own) travel with it.
    trainings = [training.serializable_data() for training in update.trainings.all()]
    return {**update.serializable_data(), **stored, "trainings": trainings}


def _legacy_trainings(data) -> list[dict]:
    """A bundle written before trainings (people trained per audience on the update): one
    training on the reporting date, the sex not recorded (as the data migration did)."""
    rows = data.pop("trainees", None) or []
    if not rows:
        return []
    return [
        {
            "title": LEGACY_TRAINING_TITLE,
            "starts_on": data["reporting_date"],
            "ends_on": data["reporting_date"],
            "mode": Training.Mode.IN_PERSON,
            "participants": [
                {"audience": row["audience"], "sex": "other", "people": row["people"]}
                for row in rows
            ],
        }
    ]


def _agency_heads_first(country) -> bool | None:
    setup = CountryReviewSetup.objects.filter(country=country).first()
    if setup is None:
        return None
    return WorkflowTask.objects.filter(
        workflow=setup.commitment_workflow,
        task__in=LeadAgencyHeadTask.objects.values("pk"),
    ).exists()


def _finding_rows(country) -> list[dict]:
    """The country's findings register, internal findings included (a bundle is the
    country's whole record); capabilities as the reference ids of this database."""
    return [
        {
            "id": f.pk,
            "title": f.title,
            "text": f.text,
            "source_kind": f.source_kind,
            "source_title": f.source_title,
            "source_url": f.source_url,
            "date": f.date.isoformat() if f.date else None,
            "severity": f.severity,
            "status": f.status,
            "reason": f.reason,
            "public": f.public,
            "terminology_quotations": f.terminology_quotations,
            "capabilities": [c.pk for c in f.capabilities.all()],
            "legislative_criterion": f.legislative_criterion_id,
        }
        for f in Finding.objects.filter(country=country).prefetch_related("capabilities")
    ]


def _period_rows(plans, usernames) -> list[dict]:
    return [
        {
            "id": p.pk,
            "plan": p.plan_id,
            "title": p.title,
            "slug": p.slug,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "deadline": p.deadline,
            "state": p.state,
            "opened_by": usernames.get(p.opened_by_id),
            "opened_at": p.opened_at,
            "closed_by": usernames.get(p.closed_by_id),
            "closed_at": p.closed_at,
        }
        for p in ReportingPeriod.objects.filter(plan__in=plans).order_by("pk")
    ]


def _annual_reports(plans) -> tuple[list[dict], dict[str, bytes]]:
    """The reports as made (snapshot and stored files untouched), and the files' members."""
    rows, files = [], {}
    reports = AnnualReport.objects.filter(period__plan__in=plans).prefetch_related("files")
    for report in reports.order_by("pk"):
        file_rows = []
        for stored in sorted(report.files.all(), key=lambda stored: stored.pk):
            member = report_file_member(report.pk, stored.language, stored.kind)
            files[member] = bytes(stored.content)
            file_rows.append(
                {
                    "language": stored.language,
                    "kind": stored.kind,
                    # As recorded when the file was made, not recomputed: an import compares.
                    "sha256": stored.sha256,
                    "created_at": stored.created_at,
                    "member": member,
                }
            )
        rows.append(
            {
                "id": report.pk,
                "period": report.period_id,
                "snapshot": report.snapshot,
                "created_at": report.created_at,
                "files": file_rows,
            }
        )
    return rows, files


def _legislative_review(country) -> dict | None:
    review = LegislativeReview.objects.filter(country=country).first()
    if review is None:
        return None
    return {
        "title": review.title,
        "date": review.date,
        "source_url": review.source_url,
        "summary": review.summary,
        "public": review.public,
        "terminology_quotations": review.terminology_quotations,
        "created_at": review.created_at,
        "updated_at": review.updated_at,
        "assessments": [
            {
                "criterion": a.criterion_id,
                "status": a.status,
                "law": a.law,
                "article": a.article,
                "note": a.note,
            }
            for a in review.assessments.order_by("pk")
        ],
        "pending_bills": [
            {
                "title": b.title,
                "stage": b.stage,
                "criteria": sorted(c.pk for c in b.criteria.all()),
                "note": b.note,
            }
            for b in review.pending_bills.prefetch_related("criteria").order_by("pk")
        ],
    }


def _consultation_rows(plans, usernames) -> list[dict]:
    rounds = ConsultationRound.objects.filter(plan__in=plans).prefetch_related(
        "agencies", "comments"
    )
    return [
        {
            "id": r.pk,
            "plan": r.plan_id,
            "title": r.title,
            "purpose": r.purpose,
            "agencies": sorted(a.pk for a in r.agencies.all()),
            "opens_on": r.opens_on,
            "deadline": r.deadline,
            "state": r.state,
            "summary_public": r.summary_public,
            "created_by": usernames.get(r.created_by_id),
            "created_at": r.created_at,
            "closed_by": usernames.get(r.closed_by_id),
            "closed_at": r.closed_at,
            "comments": [
                {
                    "author": usernames.get(c.author_id),
                    "agency": c.agency_id,
                    "capability": c.capability_id,
                    "commitment": c.commitment_id,
                    "text": c.text,
                    "created_at": c.created_at,
                    "edited_at": c.edited_at,
                    "response": c.response,
                    "reason": c.reason,
                    "responded_by": usernames.get(c.responded_by_id),
                    "responded_at": c.responded_at,
                }
                for c in sorted(r.comments.all(), key=lambda c: c.pk)
            ],
        }
        for r in rounds.order_by("pk")
    ]


def export_bundle(*, country, out) -> dict:
    """Write the country's bundle to `out` (a path or a binary file); return the manifest."""
    if isinstance(country, str):
        country = Country.objects.filter(code=country.strip().lower()).first()
        if country is None:
            raise BundleError("No country with this code.")
    usernames = dict(get_user_model().objects.values_list("pk", "username"))
    agencies = list(Agency.objects.filter(country=country).select_related("group", "heads_group"))
    plans = list(NationalPlanPage.objects.originals().filter(country=country).order_by("path"))
    translated = NationalPlanPage.objects.filter(country=country).count() - len(plans)
    commitments = list(Commitment.objects.filter(plan__in=plans).order_by("pk"))
    updates = list(ProgressUpdate.objects.filter(commitment__in=commitments).order_by("pk"))
    documents = _country_documents(country, updates)
    plan_revisions = _revisions(Page, [p.pk for p in plans], usernames)
    commitment_revisions = _revisions(Commitment, [c.pk for c in commitments], usernames)

    report_rows, files = _annual_reports(plans)
    document_rows = []
    for document in documents:
        with document.file.open("rb") as handle:
            content = handle.read()
        filename = os.path.basename(document.file.name)
        member = f"documents/{document.pk}/{filename}"
        files[member] = content
        document_rows.append(
            {
                "id": document.pk,
                "title": document.title,
                "filename": filename,
                "created_at": document.created_at,
                "member": member,
                "sha256": _sha256(content),
            }
        )

    data = {
        "country": {
            "code": country.code,
            "name": country.name,
            "default_language": country.default_language,
            "groups": {
                "coordinators": country.coordinators_group.name,
                "reviewers": country.reviewers_group.name,
                "viewers": country.viewers_group.name,
            },
            "agency_heads_first": _agency_heads_first(country),
        },
        "agencies": [
            {
                "id": a.pk,
                "name": a.name,
                "acronym": a.acronym,
                "sector": a.sector,
                "website": a.website,
                "description": a.description,
                "is_active": a.is_active,
                "groups": {"members": a.group.name, "heads": a.heads_group.name},
            }
            for a in agencies
        ],
        "memberships": [
            {"id": m.pk, "username": m.user.username, "agency": m.agency_id, "role": m.role}
            for m in Membership.objects.filter(agency__in=agencies)
            .select_related("user")
            .order_by("pk")
        ],
        "reference": {
            "capabilities": {
                str(pk): [code, number]
                for pk, code, number in Capability.objects.values_list(
                    "pk", "framework__code", "number"
                )
            },
            "inspire_strategies": {
                str(pk): [code, number]
                for pk, code, number in InspireStrategy.objects.values_list(
                    "pk", "framework__code", "number"
                )
            },
            "legislative_criteria": {
                str(pk): code for pk, code in LegislativeCriterion.objects.values_list("pk", "code")
            },
        },
        "plans": [
            {
                "data": _strip_users(p.serializable_data()),
                "owner": usernames.get(p.owner_id),
                "revisions": plan_revisions.get(str(p.pk), []),
            }
            for p in plans
        ],
        "commitments": [
            {
                "data": _strip_users(c.serializable_data()),
                "revisions": commitment_revisions.get(str(c.pk), []),
            }
            for c in commitments
        ],
        "progress_updates": [
            {
                "data": _update_data(u),
                "author": usernames.get(u.author_id),
                "submitted_by": usernames.get(u.submitted_by_id),
                "rejected_by": usernames.get(u.rejected_by_id),
            }
            for u in updates
        ],
        "documents": document_rows,
        "findings": _finding_rows(country),
        "reporting_periods": _period_rows(plans, usernames),
        "annual_reports": report_rows,
        "legislative_review": _legislative_review(country),
        "consultation_rounds": _consultation_rows(plans, usernames),
    }
    data = _jsonable(data)
    for row in data["progress_updates"]:
        row["data"].update(dict.fromkeys(UPDATE_PEOPLE))
    files = {DATA: json.dumps(data, indent=1, ensure_ascii=False).encode(), **files}

    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "country": {"code": country.code, "name": country.name},
        "app_versions": {
            "python": platform.python_version(),
            "django": _package_version("django"),
            "wagtail": _package_version("wagtail"),
            "wagtail-localize": _package_version("wagtail-localize"),
            "django-guardian": _package_version("django-guardian"),
        },
        "counts": {
            "agencies": len(agencies),
            "memberships": len(data["memberships"]),
            "plans": len(plans),
            "plan_revisions": sum(len(p["revisions"]) for p in data["plans"]),
            "commitments": len(commitments),
            "commitment_revisions": sum(len(c["revisions"]) for c in data["commitments"]),
            "progress_updates": len(updates),
            "documents": len(documents),
            "findings": len(data["findings"]),
            "reporting_periods": len(data["reporting_periods"]),
            "annual_reports": len(report_rows),
            "annual_report_files": sum(len(r["files"]) for r in report_rows),
            "legislative_reviews": int(data["legislative_review"] is not None),
            "consultation_rounds": len(data["consultation_rounds"]),
            "consultation_comments": sum(len(r["comments"]) for r in data["consultation_rounds"]),
        },
        "not_included": {"translated_plan_pages": translated, "left_out": LEFT_OUT},
        "files": {name: _sha256(content) for name, content in files.items()},
    }
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        for name, content in files.items():
            archive.writestr(name, content)
    return manifest


# --- Import ----------------------------------------------------------------------------


def _reference_map(model, rows, *, keys=("framework__code", "number")) -> dict[int, int]:
    local = {tuple(values): pk for pk, *values in model.objects.values_list("pk", *keys)}
    mapping = {}
    for old, key in rows.items():
        key = tuple(key)
        if key not in local:
            raise BundleError(
                f"{model._meta.verbose_name} {' '.join(map(str, key))} does not exist in this "
                "database; migrate it to the version the bundle was made with."
            )
        mapping[int(old)] = local[key]
    return mapping


def _date(value):
    return parse_date(value) if value else None


def _datetime(value):
    return parse_datetime(value) if value else None


class _Importer:
    def __init__(self, data, read_member):
        self.data = data
        self.read_member = read_member
        self.users = {
            username: pk for username, pk in get_user_model().objects.values_list("username", "pk")
        }
        ref = data["reference"]
        self.map_capabilities = _reference_map(Capability, ref["capabilities"])
        self.map_inspire = _reference_map(InspireStrategy, ref["inspire_strategies"])
        criteria = ref.get("legislative_criteria") or {}  # absent from version 1 bundles
        self.map_criteria = _reference_map(
            LegislativeCriterion, {old: [code] for old, code in criteria.items()}, keys=("code",)
        )
        self.map_periods = {}
        self.plan_of = {}  # (model, new id) -> the plan it belongs to
        self.map_agencies = {}
        self.map_plans = {}
        self.map_sections = {}
        self.map_outcomes = {}
        self.map_outcome_indicators = {}
        self.map_outputs = {}
        self.map_commitments = {}
        self.map_indicators = {}
        self.map_funding_lines = {}
        self.map_training_targets = {}
        self.map_commitment_translations = {}
        self.map_indicator_translations = {}
        self.map_findings = {}
        self.map_revisions = {}
        self.map_documents = {}
        self.map_memberships = {}
        self.counts = dict.fromkeys(
            [
                "agencies",
                "memberships",
                "plans",
                "plan_revisions",
                "commitments",
                "commitment_revisions",
                "progress_updates",
                "documents",
                "findings",
                "reporting_periods",
                "annual_reports",
                "annual_report_files",
                "legislative_reviews",
                "consultation_rounds",
                "consultation_comments",
            ],
            0,
        )
        self.skipped_memberships = []
        self.stored_files = []

    # Remapping ------------------------------------------------------------------------

    @staticmethod
    def _get(mapping, old):
        return None if old is None else mapping.get(int(old))

    def _member(self, old):
        """The membership restored here for the bundle's membership `old` (same username,
        same agency), or None: the person has no account here, or the bundle is older and
        does not say whose membership `old` was. Never the id as it came: here it names
        someone else's membership, or none."""
        return self._get(self.map_memberships, old)

    def _indicator_content(self, indicator, *, commitment_id):
        """An indicator with this database's ids: its reporting agency, focal person and deputy
        (memberships) mapped, and its yearly targets (absent from older bundles) made new
        rows of it."""
        pk = self._get(self.map_indicators, indicator.get("pk"))
        return {
            **indicator,
            "pk": pk,
            "commitment": commitment_id,
            "reporting_agency": self._get(self.map_agencies, indicator.get("reporting_agency")),
            "focal_person": self._member(indicator.get("focal_person")),
            "focal_deputy": self._member(indicator.get("focal_deputy")),
            "targets": [
                {**target, "pk": None, "indicator": pk} for target in indicator.get("targets", [])
            ],
        }

    @staticmethod
    def _ref(mapping, old, *, what, kind):
        """Like `_get` for structures that must hold together: a dangling id refuses."""
        if old is None:
            return None
        if int(old) not in mapping:
            raise BundleError(REFERENCE_MISSING % {"what": what, "kind": kind, "id": old})
        return mapping[int(old)]

    def _user(self, username):
        return self.users.get(username) if username else None

    @staticmethod
    def _keep_times(model, pk, **stamps):
        """Restore the stored times that auto_now(_add) fields overwrote on save."""
        model.objects.filter(pk=pk).update(
            **{name: _datetime(value) for name, value in stamps.items()}
        )

    def _plan_content(self, content, *, plan):
        """A plan page's serialised data with this database's ids."""
        content = _strip_users(content)
        content.update(
            pk=plan.pk,
            path=plan.path,
            depth=plan.depth,
            numchild=plan.numchild,
            url_path=plan.url_path,
            content_type=plan.content_type_id,
            locale=plan.locale_id,
            country=plan.country_id,
            alias_of=None,
            latest_revision=self._get(self.map_revisions, content.get("latest_revision")),
            live_revision=self._get(self.map_revisions, content.get("live_revision")),
        )
        for key in ("id", "page_ptr"):
            if key in content:
                content[key] = plan.pk
        content["capability_sections"] = [
            {
                **section,
                "pk": self._get(self.map_sections, section.get("pk")),
                "plan": plan.pk,
                "locale": plan.locale_id,
                "capability": self._get(self.map_capabilities, section.get("capability")),
            }
            for section in content.get("capability_sections", [])
        ]
        content["outcomes"] = self._outcomes(content.get("outcomes", []), plan_id=plan.pk)
        return content

    def _outcomes(self, outcomes, *, plan_id, fresh=False):
        """A plan's results chain (absent from older bundles) with this database's ids;
        `fresh`: no ids at all, for rows about to be created."""

        def pk(mapping, old):
            return None if fresh else self._get(mapping, old)

        return [
            {
                **outcome,
                "pk": pk(self.map_outcomes, outcome.get("pk")),
                "plan": None if fresh else plan_id,
                "capability": self._get(self.map_capabilities, outcome.get("capability")),
                "indicators": [
                    {
                        **row,
                        "pk": pk(self.map_outcome_indicators, row.get("pk")),
                        "outcome": None if fresh else pk(self.map_outcomes, outcome.get("pk")),
                    }
                    for row in outcome.get("indicators", [])
                ],
                "outputs": [
                    {
                        **row,
                        "pk": pk(self.map_outputs, row.get("pk")),
                        "outcome": None if fresh else pk(self.map_outcomes, outcome.get("pk")),
                    }
                    for row in outcome.get("outputs", [])
                ],
            }
            for outcome in outcomes
        ]

    def _map_chain(self, old_outcomes, plan):
        """Old ids of the chain to the new, in the order the rows were created."""
        new_outcomes = list(PlanOutcome.objects.filter(plan=plan).order_by("pk"))
        for old, new in zip(old_outcomes, new_outcomes, strict=True):
            self.map_outcomes[int(old["pk"])] = new.pk
        for key, model, mapping in (
            ("indicators", OutcomeIndicator, self.map_outcome_indicators),
            ("outputs", PlanOutput, self.map_outputs),
        ):
            olds = [row["pk"] for outcome in old_outcomes for row in outcome.get(key, [])]
            news = model.objects.filter(outcome__plan=plan).order_by("pk")
            for old, new in zip(olds, news, strict=True):
                mapping[int(old)] = new.pk

    def _commitment_content(self, content, *, commitment_id):
        content = _strip_users(content)
        content.update(
            pk=commitment_id,
            plan=self._get(self.map_plans, content.get("plan")),
            capability=self._get(self.map_capabilities, content.get("capability")),
            output=self._get(self.map_outputs, content.get("output")),
            lead_agency=self._get(self.map_agencies, content.get("lead_agency")),
            focal_person=self._member(content.get("focal_person")),
            focal_deputy=self._member(content.get("focal_deputy")),
            latest_revision=self._get(self.map_revisions, content.get("latest_revision")),
            live_revision=self._get(self.map_revisions, content.get("live_revision")),
        )
        if "id" in content:
            content["id"] = commitment_id
        for key, mapping in (
            ("supporting_agencies", self.map_agencies),
            ("inspire_strategies", self.map_inspire),
            ("findings", self.map_findings),
        ):
            content[key] = [mapping[int(pk)] for pk in content.get(key, []) if int(pk) in mapping]
        content["indicators"] = [
            self._indicator_content(indicator, commitment_id=commitment_id)
            for indicator in content.get("indicators", [])
        ]
        # Funding lines (issue 19; absent from older bundles): nothing refers to them.
        content["funding_lines"] = [
            {
                **line,
                "pk": self._get(self.map_funding_lines, line.get("pk")),
                "commitment": commitment_id,
            }
            for line in content.get("funding_lines", [])
        ]
        # People to train (absent from older bundles): nothing refers to them either.
        content["training_targets"] = [
            {
                **row,
                "pk": self._get(self.map_training_targets, row.get("pk")),
                "commitment": commitment_id,
            }
            for row in content.get("training_targets", [])
        ]
        # Translations of the commitment (absent from older bundles), carried likewise.
        content["translations"] = [
            {
                **row,
                "pk": self._get(self.map_commitment_translations, row.get("pk")),
                "commitment": commitment_id,
            }
            for row in content.get("translations", [])
        ]
        # The indicators' translations (absent from older bundles) point at indicators.
        content["indicator_translations"] = [
            {
                **row,
                "pk": self._get(self.map_indicator_translations, row.get("pk")),
                "commitment": commitment_id,
                "indicator": self._get(self.map_indicators, row.get("indicator")),
            }
            for row in content.get("indicator_translations", [])
            if self._get(self.map_indicators, row.get("indicator")) is not None
        ]
        return content

    def _revision(self, row, *, obj, base_model, content):
        revision = Revision.objects.create(
            content_type=ContentType.objects.get_for_model(type(obj)),
            base_content_type=ContentType.objects.get_for_model(base_model),
            object_id=str(obj.pk),
            created_at=parse_datetime(row["created_at"]),
            user_id=self._user(row.get("user")),
            object_str=row.get("object_str") or "",
            approved_go_live_at=parse_datetime(row["approved_go_live_at"])
            if row.get("approved_go_live_at")
            else None,
            content=content,
        )
        self.map_revisions[int(row["id"])] = revision.pk
        return revision

    # Steps --------------------------------------------------------------------------

    def country(self):
        row = self.data["country"]
        country = stakeholder_services.country_save(
            country=Country(
                code=row["code"], name=row["name"], default_language=row["default_language"]
            ),
            comment=IMPORT_COMMENT,
        )
        for row in self.data["agencies"]:
            agency = stakeholder_services.agency_save(
                agency=Agency(
                    country=country,
                    name=row["name"],
                    acronym=row["acronym"],
                    sector=row["sector"],
                    website=row["website"],
                    description=row["description"],
                    is_active=row["is_active"],
                ),
                comment=IMPORT_COMMENT,
            )
            self.map_agencies[int(row["id"])] = agency.pk
            self.counts["agencies"] += 1
        services.country_review_setup(
            country=country,
            agency_heads_first=bool(self.data["country"].get("agency_heads_first")),
        )
        return country

    def memberships(self):
        User = get_user_model()
        for row in self.data["memberships"]:
            user_id = self._user(row["username"])
            agency_id = self._get(self.map_agencies, row["agency"])
            if user_id is None or agency_id is None:
                self.skipped_memberships.append(f"{row['username']} (no such user here)")
                continue
            try:
                with transaction.atomic():
                    membership = stakeholder_services.membership_create(
                        user=User.objects.get(pk=user_id),
                        agency=Agency.objects.get(pk=agency_id),
                        role=row["role"],
                        comment=IMPORT_COMMENT,
                    )
            except ValidationError as error:
                self.skipped_memberships.append(f"{row['username']} ({'; '.join(error.messages)})")
                continue
            if row.get("id") is not None:
                self.map_memberships[int(row["id"])] = membership.pk
            self.counts["memberships"] += 1

    def documents(self, country):
        Document = get_document_model()
        collection = country_evidence_collection(country=country)
        for row in self.data["documents"]:
            document = Document(
                title=row["title"],
                collection=collection,
                # A plain file name (checked), stored under the documents' folder.
                file=ContentFile(self.read_member(row["member"]), name=row["filename"]),
            )
            document._set_document_file_metadata()
            document.save()
            self.stored_files.append(document.file)
            Document.objects.filter(pk=document.pk).update(
                created_at=parse_datetime(row["created_at"])
            )
            self.map_documents[int(row["id"])] = document.pk
            self.counts["documents"] += 1

    def plans(self, country):
        # A plan is written in its country's language: under that language's /plans/.
        locale = Locale.objects.filter(language_code=country.default_language).first()
        index = PlanIndexPage.objects.filter(locale=Locale.get_default()).first()
        if index is not None and locale is not None and locale.pk != index.locale_id:
            index = services.plan_index_for(locale)
        if index is None:
            raise BundleError("This database has no plan index page (/plans/); run migrate.")
        imported = []
        for row in self.data["plans"]:
            data = _strip_users(row["data"])
            old_id = int(data["pk"])
            old_sections = [s["pk"] for s in data.get("capability_sections", [])]
            data.update(
                pk=None,
                path="",
                depth=0,
                numchild=0,
                url_path="",
                content_type=ContentType.objects.get_for_model(NationalPlanPage).pk,
                locale=index.locale_id,
                country=country.pk,
                alias_of=None,
                latest_revision=None,
                live_revision=None,
            )
            data["capability_sections"] = [
                {
                    **section,
                    "pk": None,
                    "plan": None,
                    "capability": self._get(self.map_capabilities, section["capability"]),
                }
                for section in data.get("capability_sections", [])
            ]
            old_outcomes = data.get("outcomes", [])
            data["outcomes"] = self._outcomes(old_outcomes, plan_id=None, fresh=True)
            plan = NationalPlanPage.from_serializable_data(data)
            plan.id = plan.pk = None
            plan.owner_id = self._user(row.get("owner"))
            try:
                index.add_child(instance=plan)
            except ValidationError as error:
                raise BundleError(
                    f"Plan “{data['title']}” cannot be placed under /plans/: "
                    + "; ".join(error.messages)
                ) from error
            self.map_plans[old_id] = plan.pk
            new_sections = list(plan.capability_sections.order_by("pk"))
            for old, new in zip(old_sections, new_sections, strict=True):
                self.map_sections[int(old)] = new.pk
            self._map_chain(old_outcomes, plan)
            plan = NationalPlanPage.objects.get(pk=plan.pk)
            for revision_row in row["revisions"]:
                self._revision(
                    revision_row,
                    obj=plan,
                    base_model=Page,
                    content=self._plan_content(revision_row["content"], plan=plan),
                )
                self.counts["plan_revisions"] += 1
            NationalPlanPage.objects.filter(pk=plan.pk).update(
                latest_revision_id=self._get(self.map_revisions, row["data"]["latest_revision"]),
                live_revision_id=self._get(self.map_revisions, row["data"]["live_revision"]),
                latest_revision_created_at=parse_datetime(row["data"]["latest_revision_created_at"])
                if row["data"].get("latest_revision_created_at")
                else None,
            )
            imported.append(plan.pk)
            self.counts["plans"] += 1
        return imported

    def findings(self, country):
        for row in self.data.get("findings") or []:
            finding = services.finding_create(
                actor=None,
                country=country,
                capabilities=[
                    self.map_capabilities[int(pk)]
                    for pk in row["capabilities"]
                    if int(pk) in self.map_capabilities
                ],
                title=row["title"],
                text=row["text"],
                source_kind=row["source_kind"],
                source_title=row["source_title"],
                source_url=row["source_url"],
                date=parse_date(row["date"]) if row.get("date") else None,
                severity=row["severity"],
                status=row["status"],
                reason=row["reason"],
                # Absent from older bundles; needed to publish a finding quoting a law.
                terminology_quotations=row.get("terminology_quotations") or "",
                public=row["public"],
                # Raised by the legislative review (absent from older bundles).
                legislative_criterion_id=self._ref(
                    self.map_criteria,
                    row.get("legislative_criterion"),
                    what=f"the finding “{row['title']}”",
                    kind="legislative criterion",
                ),
            )
            self.map_findings[int(row["id"])] = finding.pk
            self.counts["findings"] += 1

    def commitments(self):
        imported = []
        for row in self.data["commitments"]:
            data = _strip_users(row["data"])
            old_id = int(data["pk"])
            old_indicators = [i["pk"] for i in data.get("indicators", [])]
            content = self._commitment_content(data, commitment_id=None)
            content.update(latest_revision=None, live_revision=None)
            content["indicators"] = [
                {**i, "pk": None, "commitment": None} for i in content["indicators"]
            ]
            old_lines = [line["pk"] for line in data.get("funding_lines", [])]
            content["funding_lines"] = [
                {**line, "pk": None, "commitment": None} for line in content["funding_lines"]
            ]
            old_targets = [row["pk"] for row in data.get("training_targets", [])]
            content["training_targets"] = [
                {**row, "pk": None, "commitment": None} for row in content["training_targets"]
            ]
            old_translations = [row["pk"] for row in data.get("translations", [])]
            content["translations"] = [
                {**row, "pk": None, "commitment": None} for row in content["translations"]
            ]
            # Saved once the indicators they point at have this database's ids.
            indicator_translations = data.get("indicator_translations", [])
            content["indicator_translations"] = []
            if content["plan"] is None or content["lead_agency"] is None:
                raise BundleError(f"Commitment “{data['title']}” refers to a missing plan/agency.")
            commitment = Commitment.from_serializable_data(content)
            commitment.pk = None
            commitment.save()
            self.map_commitments[old_id] = commitment.pk
            self.plan_of[Commitment, commitment.pk] = commitment.plan_id
            new_indicators = list(commitment.indicators.order_by("pk"))
            for old, new in zip(old_indicators, new_indicators, strict=True):
                self.map_indicators[int(old)] = new.pk
            new_lines = list(commitment.funding_lines.order_by("pk"))
            for old, new in zip(old_lines, new_lines, strict=True):
                self.map_funding_lines[int(old)] = new.pk
            new_targets = list(commitment.training_targets.order_by("pk"))
            for old, new in zip(old_targets, new_targets, strict=True):
                self.map_training_targets[int(old)] = new.pk
            new_translations = list(commitment.translations.order_by("pk"))
            for old, new in zip(old_translations, new_translations, strict=True):
                self.map_commitment_translations[int(old)] = new.pk
            for translation in indicator_translations:
                indicator = self._get(self.map_indicators, translation.get("indicator"))
                if indicator is None:
                    continue
                self.map_indicator_translations[int(translation["pk"])] = (
                    CommitmentIndicatorTranslation.objects.create(
                        commitment=commitment,
                        indicator_id=indicator,
                        sort_order=translation.get("sort_order"),
                        language_code=translation["language_code"],
                        name=translation["name"],
                        unit=translation.get("unit", ""),
                    ).pk
                )
            for revision_row in row["revisions"]:
                self._revision(
                    revision_row,
                    obj=commitment,
                    base_model=Commitment,
                    content=self._commitment_content(
                        revision_row["content"], commitment_id=commitment.pk
                    ),
                )
                self.counts["commitment_revisions"] += 1
            Commitment.objects.filter(pk=commitment.pk).update(
                latest_revision_id=self._get(self.map_revisions, data["latest_revision"]),
                live_revision_id=self._get(self.map_revisions, data["live_revision"]),
            )
            imported.append(commitment.pk)
            self.counts["commitments"] += 1
        return imported

    def _training(self, data, update):
        data = {
            **data,
            "pk": None,
            "update": update.pk,
            "findings": [
                self._get(self.map_findings, pk)
                for pk in data.get("findings", [])
                if self._get(self.map_findings, pk) is not None
            ],
            "participants": [
                {**row, "pk": None, "training": None} for row in data.get("participants", [])
            ],
        }
        training = Training.from_serializable_data(data)
        training.pk = None
        training.save()

    def progress_updates(self):
        for row in self.data["progress_updates"]:
            data = dict(row["data"])
            data.update(
                pk=None,
                commitment=self._get(self.map_commitments, data["commitment"]),
                agency=self._get(self.map_agencies, data["agency"]),
                evidence_document=self._get(self.map_documents, data.get("evidence_document")),
                **{key: self._user(row.get(key)) for key in UPDATE_PEOPLE},
                # A period report (absent from older bundles); its period may be closed: the
                # report is restored as filed, not filed again.
                period=self._ref(
                    self.map_periods,
                    data.get("period"),
                    what="a progress update",
                    kind="reporting period",
                ),
            )
            data["measurements"] = [
                {
                    **m,
                    "pk": None,
                    "update": None,
                    "indicator": self._get(self.map_indicators, m["indicator"]),
                    # Its break-down (absent from older bundles), as new rows.
                    "breakdown": [
                        {**value, "pk": None, "measurement": None}
                        for value in m.get("breakdown", [])
                    ],
                }
                for m in data.get("measurements", [])
                if self._get(self.map_indicators, m["indicator"]) is not None
            ]
            trainings = data.pop("trainings", []) + _legacy_trainings(data)
            # Restored with save(), not full_clean (a report of a closed period is valid as
            # filed): the one rule of the period that a crafted bundle could break, checked.
            if data["period"] is not None and self.plan_of[ReportingPeriod, data["period"]] != (
                self.plan_of.get((Commitment, data["commitment"]))
            ):
                raise ValidationError({"period": PERIOD_OF_ANOTHER_PLAN})
            update = ProgressUpdate.from_serializable_data(data)
            update.pk = None
            update.save()
            for training in trainings:
                self._training(training, update)
            ProgressUpdate.objects.filter(pk=update.pk).update(
                created_at=parse_datetime(row["data"]["created_at"]),
                updated_at=parse_datetime(row["data"]["updated_at"]),
            )
            self.counts["progress_updates"] += 1

    def legislative_review(self, country):
        """The review as it stands, with the findings it raised already in the register
        (restored with their criterion): not re-synced, which would rewrite them."""
        row = self.data.get("legislative_review")
        if row is None:
            return
        criteria = LegislativeCriterion.objects.in_bulk(self.map_criteria.values())

        def criterion(old):
            what = "the legislative review"
            return criteria[self._ref(self.map_criteria, old, what=what, kind="criterion")]

        review = LegislativeReview(
            country=country,
            title=row["title"],
            date=_date(row.get("date")),
            source_url=row["source_url"],
            summary=row["summary"],
            public=row["public"],
            terminology_quotations=row["terminology_quotations"],
        )
        review.assessments = [
            LegislativeAssessment(
                criterion=criterion(a["criterion"]),
                status=a["status"],
                law=a["law"],
                article=a["article"],
                note=a["note"],
            )
            for a in row["assessments"]
        ]
        bills = []
        for b in row["pending_bills"]:
            bill = PendingBill(title=b["title"], stage=b["stage"], note=b["note"])
            bill.criteria = [criterion(old) for old in b["criteria"]]
            bills.append(bill)
        review.pending_bills = bills
        review.full_clean()
        for child in [*review.assessments.all(), *review.pending_bills.all()]:
            child.full_clean(exclude=["review", "criteria"], validate_unique=False)
        if review.public:
            ensure_publishable(instance=review)
        review.save()  # one assessment per criterion: the database's constraint says so
        self._keep_times(
            LegislativeReview,
            review.pk,
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )
        self.counts["legislative_reviews"] += 1

    def reporting_periods(self):
        for row in self.data.get("reporting_periods") or []:
            period = ReportingPeriod(
                plan_id=self._ref(
                    self.map_plans, row["plan"], what=f"the period “{row['title']}”", kind="plan"
                ),
                title=row["title"],
                slug=row["slug"],
                starts_on=_date(row["starts_on"]),
                ends_on=_date(row["ends_on"]),
                deadline=_date(row["deadline"]),
                state=row["state"],
                opened_by_id=self._user(row.get("opened_by")),
                closed_by_id=self._user(row.get("closed_by")),
                closed_at=_datetime(row.get("closed_at")),
            )
            period.full_clean()  # within the plan's years, no overlap, its address free
            period.save()
            self._keep_times(ReportingPeriod, period.pk, opened_at=row["opened_at"])
            self.map_periods[int(row["id"])] = period.pk
            self.plan_of[ReportingPeriod, period.pk] = period.plan_id
            self.counts["reporting_periods"] += 1

    def annual_reports(self):
        """Restored as made: the snapshot and the stored files' bytes as they came (each
        file checked against the sha256 recorded when it was made), never rendered again."""
        for row in self.data.get("annual_reports") or []:
            report = AnnualReport(
                period_id=self._ref(
                    self.map_periods, row["period"], what="an annual report", kind="period"
                ),
                snapshot=row["snapshot"],
            )
            report.full_clean()
            report.save()
            self._keep_times(AnnualReport, report.pk, created_at=row["created_at"])
            for file_row in row["files"]:
                content = self.read_member(file_row["member"])
                if _sha256(content) != file_row["sha256"]:
                    raise BundleError(REPORT_FILE_ALTERED % {"member": file_row["member"]})
                stored = AnnualReportFile(
                    report=report,
                    language=file_row["language"],
                    kind=file_row["kind"],
                    content=content,
                    sha256=file_row["sha256"],
                )
                stored.full_clean()
                stored.save()
                self._keep_times(AnnualReportFile, stored.pk, created_at=file_row["created_at"])
                self.counts["annual_report_files"] += 1
            self.counts["annual_reports"] += 1

    def consultation_rounds(self):
        for row in self.data.get("consultation_rounds") or []:
            what = f"the consultation round “{row['title']}”"
            consultation = ConsultationRound(
                plan_id=self._ref(self.map_plans, row["plan"], what=what, kind="plan"),
                title=row["title"],
                purpose=row["purpose"],
                opens_on=_date(row["opens_on"]),
                deadline=_date(row["deadline"]),
                state=row["state"],
                summary_public=row["summary_public"],
                created_by_id=self._user(row.get("created_by")),
                closed_by_id=self._user(row.get("closed_by")),
                closed_at=_datetime(row.get("closed_at")),
            )
            consultation.full_clean()
            consultation.save()
            self._keep_times(ConsultationRound, consultation.pk, created_at=row["created_at"])
            agencies = row["agencies"]
            consultation.agencies.set(
                [self._ref(self.map_agencies, pk, what=what, kind="agency") for pk in agencies]
            )
            for c in row["comments"]:
                comment = ConsultationComment(
                    round=consultation,
                    author_id=self._user(c.get("author")),
                    agency_id=self._ref(self.map_agencies, c["agency"], what=what, kind="agency"),
                    capability_id=self._ref(
                        self.map_capabilities, c.get("capability"), what=what, kind="capability"
                    ),
                    commitment_id=self._ref(
                        self.map_commitments, c.get("commitment"), what=what, kind="commitment"
                    ),
                    text=c["text"],
                    edited_at=_datetime(c.get("edited_at")),
                    response=c["response"],
                    reason=c["reason"],
                    responded_by_id=self._user(c.get("responded_by")),
                    responded_at=_datetime(c.get("responded_at")),
                )
                comment.full_clean()  # its commitment in the round's plan, a reason if refused
                comment.save()
                self._keep_times(ConsultationComment, comment.pk, created_at=c["created_at"])
                self.counts["consultation_comments"] += 1
            self.counts["consultation_rounds"] += 1


def import_bundle(*, path) -> ImportResult:
    """Restore a bundle into this database, all or nothing. Raises BundleError."""
    with BundleArchive(path) as archive:
        data = archive.data
        code, name = data["country"]["code"], data["country"]["name"]
        if Country.objects.filter(Q(code=code) | Q(name=name)).exists():
            raise BundleError(
                f"{name} ({code}) already exists in this database; nothing was imported. A "
                "bundle restores a country into a database that does not have it."
            )
        importer = _Importer(data, archive.read_member)
        try:
            country = _import(importer)
        except BaseException as error:
            # The rows are rolled back; the evidence files already stored must go as well.
            for stored in importer.stored_files:
                stored.storage.delete(stored.name)
            if isinstance(error, RESTORE_ERRORS):
                raise BundleError(BUNDLE_INVALID % {"error": _describe(error)}) from error
            raise
    caching.invalidate_everything()
    return ImportResult(
        country=country,
        counts=importer.counts,
        skipped_memberships=importer.skipped_memberships,
    )


# What restoring rows whose shape was checked but whose values were not may raise: a
# model's validation, a missing key or a value of the wrong kind deep in serialised
# content, a constraint of the database, a file name the storage refuses.
RESTORE_ERRORS = (
    ValidationError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    ObjectDoesNotExist,
    IntegrityError,
    DataError,
    SuspiciousOperation,
)


def _describe(error) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            parts = [f"{f}: {m}" for f, messages in error.message_dict.items() for m in messages]
        else:
            parts = error.messages
        text = "; ".join(parts)
    elif isinstance(error, KeyError):
        text = f"missing {error}"
    else:
        text = f"{type(error).__name__}: {error}"
    return " ".join(text.split())


def _import(importer) -> Country:
    with transaction.atomic():
        country = importer.country()
        # Before the commitments: their focal persons are memberships restored here.
        importer.memberships()
        importer.documents(country)
        plan_ids = importer.plans(country)
        importer.findings(country)
        importer.legislative_review(country)
        commitment_ids = importer.commitments()
        importer.reporting_periods()
        importer.progress_updates()
        importer.annual_reports()
        importer.consultation_rounds()
        # Rights and review are derived from the data, as for any new plan and commitment.
        for plan in NationalPlanPage.objects.filter(pk__in=plan_ids):
            services.plan_setup(plan=plan)
            insert_or_update_object(plan)
        for commitment in Commitment.objects.filter(pk__in=commitment_ids):
            services.commitment_sync_permissions(commitment=commitment)
            insert_or_update_object(commitment)
        for agency in Agency.objects.filter(country=country):
            insert_or_update_object(agency)
        country_evidence_collection(country=country)
    return country


def default_filename(code: str) -> str:
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"plan-bundle-{code}-{stamp}.zip"
