"""Every admin URL, as a Kenyan drafter and a Kenyan coordinator: nothing of Jordan's shows.

The URL patterns are read from Django's resolver, so an admin URL that Wagtail, a
third-party app or this project adds later is swept too (and fails here until `_value`
knows what to put in its parameters). Parameters are filled with Jordan's ids: its plan
pages, commitments, progress updates, documents, images, collections, agencies,
memberships, users, groups, workflows, tasks, task and workflow states, revisions,
translations, editing sessions and uploads. Listings and searches are also asked for
Jordan's secret words. Every answer, the pages it redirects to and the messages it
flashes must contain none of Jordan's secrets: titles that were never published, internal
commitments and notes, draft text, agency names, document and image titles, tags,
usernames, e-mail addresses and full names. Jordan's published plan title and its public
commitment's title are public (they are on /plans/) and are not asserted.

The drafter must not see Kenyan commitments that their agency neither leads nor supports
either.

URLs that leak today are marked `xfail(strict=True)`: fix the leak, and the mark must go.
"""

import contextlib
import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from stakeholders.models import Agency, Membership

from ..consultation_helpers import comment as consultation_comment
from ..consultation_helpers import open_round
from ..factories import (
    AgencyFactory,
    CountryFactory,
    UserFactory,
    make_commitment,
    make_plan,
    member,
)
from ..trainings_helpers import report_trainings, training, training_commitment

pytestmark = pytest.mark.django_db

SECRET = "JOSECRET"  # in every secret text below, and what listings are searched for
JO_PLAN_DRAFT_TITLE = f"{SECRET} draft title of the published Jordanian plan"
JO_UNPUBLISHED_PLAN = f"{SECRET} unpublished Jordanian plan"
JO_NEVER_PUBLISHED = f"{SECRET} never published Jordanian commitment"
JO_INTERNAL = f"{SECRET} internal Jordanian commitment"
JO_INTERNAL_NOTES = f"{SECRET} internal notes of Jordan"
JO_DRAFT_TITLE = f"{SECRET} newer draft title of a public Jordanian commitment"
JO_DRAFT_DESCRIPTION = f"{SECRET} draft description"
JO_UPDATE_NARRATIVE = f"{SECRET} draft progress update narrative"
JO_DOCUMENT = f"{SECRET} Jordanian evidence document"
JO_IMAGE = f"{SECRET} Jordanian image"
JO_TAG = "josecret-evidence-tag"
JO_IMAGE_TAG = "josecret-image-tag"
JO_COMMENT = f"{SECRET} comment on the Jordanian plan"
JO_TRANSLATION_TITLE = f"{SECRET} unpublished Arabic translation of the Jordanian plan"
JO_FINDING = f"{SECRET} internal finding of Jordan's needs assessment"
JO_PERIOD = f"{SECRET} Jordan's period"
JO_TRAINING = f"{SECRET} draft training of Jordan's police"
JO_REVIEW = f"{SECRET} internal legislative review of Jordan"
JO_REVIEW_NOTE = f"{SECRET} note on Jordan's penal code"
JO_CONSULTATION = f"{SECRET} consultation round on Jordan's draft"
JO_AGENCIES = ("Family and Juvenile Protection Department", "National Council for Family Affairs")
JO_SECRET_AGENCY = f"{SECRET} Cybercrime Task Force"
JO_USERNAMES = ("jo-coord", "jo-police-drafter", "jo-reviewer")
JO_FULL_NAMES = ("Yousef Haddad", "Rania Khalil", "Omar Nasser")

KE_HIDDEN_FROM_DRAFTER = "KESECRET internal commitment of another Kenyan agency"

JORDAN_SECRETS = (
    JO_PLAN_DRAFT_TITLE,
    JO_UNPUBLISHED_PLAN,
    JO_NEVER_PUBLISHED,
    JO_INTERNAL,
    JO_INTERNAL_NOTES,
    JO_DRAFT_TITLE,
    JO_DRAFT_DESCRIPTION,
    JO_UPDATE_NARRATIVE,
    JO_DOCUMENT,
    JO_IMAGE,
    JO_TAG,
    JO_IMAGE_TAG,
    JO_COMMENT,
    JO_TRANSLATION_TITLE,
    JO_FINDING,
    JO_PERIOD,
    JO_TRAINING,
    JO_REVIEW,
    JO_REVIEW_NOTE,
    JO_CONSULTATION,
    JO_SECRET_AGENCY,
    *JO_AGENCIES,
    *JO_USERNAMES,
    *(f"{u}@example.org" for u in JO_USERNAMES),
    *JO_FULL_NAMES,
)


# --- The world: Kenya and Jordan, built once for the module ---------------------------


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 20, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _jordan(w):
    from wagtail.admin.models import EditingSession
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Comment, Locale, Page, UploadedFile
    from wagtail_localize.models import Translation, TranslationSource

    from plans import services as plan_services
    from plans.models import Commitment, NationalPlanPage
    from tracking import evidence
    from tracking import services as tracking_services

    jordan = CountryFactory(code="jo", name="Jordan", default_language="ar")
    lead = AgencyFactory(country=jordan, name=JO_AGENCIES[1], acronym="NCFA")
    police = AgencyFactory(
        country=jordan, name=JO_AGENCIES[0], acronym="FJPD", sector=Agency.Sector.LAW_ENFORCEMENT
    )
    hidden = AgencyFactory(country=jordan, name=JO_SECRET_AGENCY, acronym="CTF")
    people = {}
    for username, full_name, agency, role in (
        ("jo-coord", JO_FULL_NAMES[0], lead, Membership.Role.COORDINATOR),
        ("jo-police-drafter", JO_FULL_NAMES[1], police, Membership.Role.DRAFTER),
        ("jo-reviewer", JO_FULL_NAMES[2], lead, Membership.Role.REVIEWER),
    ):
        first, last = full_name.split()
        people[username] = UserFactory(username=username, first_name=first, last_name=last)
        member(people[username], agency, role)
    coordinator = people["jo-coord"]

    plan = make_plan(jordan)
    working = plan.get_latest_revision_as_object()
    working.title = JO_PLAN_DRAFT_TITLE
    working.save_revision(user=coordinator, log_action=True)
    plan.get_workflow().start(plan, coordinator)
    unpublished = make_plan(jordan, start=2030, end=2034, publish=False)
    NationalPlanPage.objects.filter(pk=unpublished.pk).update(
        title=JO_UNPUBLISHED_PLAN, draft_title=JO_UNPUBLISHED_PLAN
    )
    unpublished.refresh_from_db()
    unpublished.save_revision(
        user=coordinator, approved_go_live_at=timezone.now() + timezone.timedelta(days=400)
    )
    NationalPlanPage.objects.filter(pk=unpublished.pk).update(
        locked=True, locked_by=coordinator, locked_at=timezone.now()
    )
    unpublished.refresh_from_db()
    plan.refresh_from_db()

    public = make_commitment(plan, police, title="Train investigators in Jordan")
    plan_services.commitment_save_draft(actor=None, commitment=public, title=JO_DRAFT_TITLE)
    never_published = make_commitment(
        plan,
        police,
        title=JO_NEVER_PUBLISHED,
        publish=False,
        description=JO_DRAFT_DESCRIPTION,
        internal_notes=JO_INTERNAL_NOTES,
    )
    never_published.get_workflow().start(never_published, people["jo-police-drafter"])
    internal = make_commitment(plan, hidden, title=JO_INTERNAL, is_internal=True)

    collection = evidence.country_evidence_collection(country=jordan)
    document = Document.objects.create(
        title=JO_DOCUMENT,
        collection=collection,
        uploaded_by_user=coordinator,
        file=ContentFile(b"%PDF-1.4 " + SECRET.encode(), name="jo-evidence.pdf"),
    )
    document.tags.add(JO_TAG)
    image = Image.objects.create(
        title=JO_IMAGE,
        collection=collection,
        uploaded_by_user=coordinator,
        file=ContentFile(_png(), name="jo-image.png"),
    )
    image.tags.add(JO_IMAGE_TAG)
    draft_update = tracking_services.progress_update_create(
        actor=None,
        commitment=public,
        status=Commitment.Status.ON_TRACK,
        progress=40,
        narrative=JO_UPDATE_NARRATIVE,
        evidence_document=document,
    )
    trained = training_commitment(plan, police, title="Train Jordan's cybercrime unit")
    training_update = report_trainings(
        trained, training(title=JO_TRAINING, city="Amman"), publish=False
    )
    period = tracking_services.reporting_period_open(
        actor=None,
        plan=plan,
        title=JO_PERIOD,
        slug="jo-2025",
        starts_on=datetime.date(plan.period_start, 1, 1),
        ends_on=datetime.date(plan.period_start, 12, 31),
        deadline=datetime.date(plan.period_start + 1, 1, 31),
    )
    Comment.objects.create(
        page=plan.page_ptr,
        user=coordinator,
        text=JO_COMMENT,
        contentpath="title",
        revision_created=plan.latest_revision,
    )
    # Draft translations (wagtail-localize) of both plans; the translator has started on
    # the Arabic title of the published one.
    arabic = Locale.objects.get(language_code="ar")
    for page in (unpublished, plan):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=arabic)
        translation.save_target(user=coordinator, publish=False)
    translated = plan.get_translation(arabic).specific
    translated.title = JO_TRANSLATION_TITLE
    translated.save_revision(user=coordinator)
    session = EditingSession.objects.create(
        user=coordinator,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(plan.pk),
        last_seen_at=timezone.now(),
        is_editing=True,
    )
    upload = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(Document),
        uploaded_by_user=coordinator,
        file=ContentFile(b"%PDF-1.4", name="jo-upload.pdf"),
    )
    redirect = Redirect.objects.create(old_path="/jo-old-plan", redirect_page=unpublished)
    w.update(
        jordan=jordan,
        jo_lead=lead,
        jo_police=police,
        jo_hidden_agency=hidden,
        jo_coordinator=coordinator,
        jo_membership=Membership.objects.get(user=coordinator),
        jo_plan=plan,
        jo_unpublished=unpublished,
        jo_translated_page=translated,
        jo_public=public,
        jo_never_published=never_published,
        jo_internal=internal,
        jo_collection=collection,
        jo_document=document,
        jo_image=image,
        jo_update=draft_update,
        jo_period=period,
        jo_training=training_update.trainings.get(),
        jo_source=source,
        jo_translation=translation,
        jo_session=session,
        jo_upload=upload,
        jo_redirect=redirect,
        jo_finding=plan_services.finding_create(
            actor=None,
            country=plan.country,
            title=JO_FINDING,
            text=JO_FINDING,
            source_title=JO_FINDING,
        ),
        jo_review=plan_services.legislative_review_create(
            actor=None,
            country=plan.country,
            title=JO_REVIEW,
            assessments=[{"criterion": "isp-reporting", "status": "met", "note": JO_REVIEW_NOTE}],
            bills=[{"title": JO_REVIEW, "stage": "drafted", "criteria": ["isp-reporting"]}],
        ),
    )
    w["jo_round"] = open_round(plan, [lead, police], title=JO_CONSULTATION)
    w["jo_consultation_comment"] = consultation_comment(w["jo_round"], coordinator, JO_CONSULTATION)


def _kenya(w):
    kenya = CountryFactory(code="ke", name="Kenya", default_language="en")
    police = AgencyFactory(
        country=kenya, name="AHTCPU", acronym="AHTCPU", sector=Agency.Sector.LAW_ENFORCEMENT
    )
    lead = AgencyFactory(country=kenya, name="DCS", acronym="DCS")
    other = AgencyFactory(country=kenya, name="ODPP", acronym="ODPP")
    drafter = UserFactory(username="ke-police-drafter")
    member(drafter, police, Membership.Role.DRAFTER)
    coordinator = UserFactory(username="ke-coord")
    member(coordinator, lead, Membership.Role.COORDINATOR)
    make_plan(kenya, start=2018, end=2022)  # superseded: the coordinator explores the plan index
    plan = make_plan(kenya)
    own = make_commitment(plan, police, title="Kenyan police commitment")
    own.get_workflow().start(own, drafter)
    hidden = make_commitment(plan, other, title=KE_HIDDEN_FROM_DRAFTER, is_internal=True)
    from tracking import evidence

    w.update(
        ke_drafter=drafter,
        ke_coordinator=coordinator,
        ke_plan=plan,
        ke_commitment=own,
        ke_hidden=hidden,
        ke_collection=evidence.country_evidence_collection(country=kenya),
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once, in a transaction rolled back after the module; each test runs in a
    savepoint inside it (pytest-django's `db`), so requests cannot change it."""
    with django_db_blocker.unblock(), transaction.atomic():
        w = {}
        _kenya(w)  # first: Jordan's translation adds a second (Arabic) plan index
        _jordan(w)
        yield w
        transaction.set_rollback(True)


# --- Every URL pattern under /admin/ ---------------------------------------------------


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = (f"{namespace}:{p.name}" if namespace else p.name) if p.name else None
            yield prefix + str(p.pattern), name, tuple(sorted(p.pattern.regex.groupindex))


def _admin_patterns():
    """Every admin pattern once. A project route that replaces one of Wagtail's at the
    same path (config/urls.py) is requested through the original's name: the same URL,
    answered by the replacement."""
    rows = [row for row in _walk(get_resolver().url_patterns) if row[0].startswith("admin/")]
    named = {pattern for pattern, name, _kwargs in rows if name}
    return [row for row in rows if row[1] or row[0] not in named]


ADMIN_PATTERNS = _admin_patterns()


def _commitments(w, user_key):
    found = [w["jo_never_published"], w["jo_internal"], w["jo_public"]]
    if user_key == "ke_drafter":
        found.append(w["ke_hidden"])
    return found


def _task_state(obj):
    return obj.workflow_states.get().current_task_state


PAGE_PARAMS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk")
# Views of one plan whose parameter is `pk`.
PLAN_VIEWS = (
    "plan_overview",
    "plan_gaps",
    "plan_import",
    "plan_translation_start",
    "plan_translation_submit",
    "wagtailadmin_pages:revisions_compare",
)
SEARCHED = {"q": SECRET, "search": SECRET, "term": "jo"}
REFERENCE_DATA = {
    "frameworks": "plans.Framework",
    "mnr_domains": "plans.Domain",
    "capabilities": "plans.Capability",
    "inspire_strategies": "plans.InspireStrategy",
    "maturity_levels": "plans.MaturityLevel",
    "legislative_criteria": "plans.LegislativeCriterion",
    "terminology": "terminology.Term",
    "terminology_term_versions": "terminology.Term",
    "reference_versions": "plans.Capability",
}
# (app label, model name) parameters, by URL name (default: the plan page model).
MODEL_PARAMS = {
    "wagtailadmin_tag_model_autocomplete": ("taggit", "tag"),
    "wagtailadmin_workflows:add_task": ("plans", "countryreviewtask"),
    "wagtailadmin_editing_sessions:ping": ("wagtailcore", "page"),
    "stakeholder_versions": ("stakeholders", "agency"),
    "stakeholder_version_revert": ("stakeholders", "agency"),
    "reference_versions": ("plans", "capability"),
}


def _targets(w, user_key, name, kwargs):
    """The objects a URL of one object is asked about: every secret kind of that object."""
    if name.startswith(("wagtailsnippets_plans_commitment:", "wagtailsnippetchoosers_plans")):
        return _commitments(w, user_key)
    if name.startswith("wagtail_localize:") and "app_label" in kwargs:
        return _commitments(w, user_key)
    if name == "plan_translation_submit":
        return [w["jo_translated_page"]]
    if (
        name in PLAN_VIEWS
        or set(kwargs) & set(PAGE_PARAMS)
        or name.startswith("wagtailadmin_api:pages")
    ):
        return [w["jo_unpublished"], w["jo_plan"]]
    return [None]


def _pk(w, name):
    """The `pk` of a URL about one object that is not a page or a commitment."""
    from django.apps import apps
    from wagtail.models import Locale

    namespace = name.split(":")[0]
    by_namespace = {
        "countries": lambda: w["jordan"].pk,
        "agencies": lambda: w["jo_hidden_agency"].pk,
        "memberships": lambda: w["jo_membership"].pk,
        "progress_updates": lambda: w["jo_update"].pk,
        "findings": lambda: w["jo_finding"].pk,
        "reporting_periods": lambda: w["jo_period"].pk,
        "trainings": lambda: w["jo_training"].pk,
        "annual_report_close": lambda: w["jo_period"].pk,
        "legislation": lambda: w["jo_review"].pk,
        "plan_consultations": lambda: w["jo_plan"].pk,
        "consultation_round": lambda: w["jo_round"].pk,
        "consultation_close": lambda: w["jo_round"].pk,
        "consultation_summary": lambda: w["jo_round"].pk,
        "consultation_comment_edit": lambda: w["jo_consultation_comment"].pk,
        "consultation_respond": lambda: w["jo_consultation_comment"].pk,
        "wagtailusers_users": lambda: w["jo_coordinator"].pk,
        "wagtailusers_groups": lambda: w["jordan"].coordinators_group_id,
        "wagtailadmin_collections": lambda: w["jo_collection"].pk,
        "wagtaildocs_chooser": lambda: w["jo_document"].pk,
        "wagtailimages_chooser": lambda: w["jo_image"].pk,
        "wagtaillocales": lambda: Locale.objects.get(language_code="ar").pk,
        "wagtailsites": lambda: 1,
        "stakeholder_versions": lambda: w["jo_hidden_agency"].pk,
        "stakeholder_version_revert": lambda: w["jo_hidden_agency"].pk,
        "wagtailadmin_workflows": lambda: (
            _task_state(w["jo_plan"]).task_id if "task" in name else w["jo_plan"].get_workflow().pk
        ),
    }
    if name.startswith("wagtailadmin_api:documents"):
        return w["jo_document"].pk
    if name.startswith("wagtailadmin_api:images"):
        return w["jo_image"].pk
    if namespace in by_namespace:
        return by_namespace[namespace]()
    if namespace in REFERENCE_DATA:
        return apps.get_model(REFERENCE_DATA[namespace]).objects.first().pk
    return None


def _value(w, key, name, target):
    """What URL parameter `key` is filled with: always one of Jordan's ids."""
    from reversion.models import Version
    from wagtail.models import CollectionViewRestriction

    from plans.models import PlanIndexPage

    plan = w["jo_plan"]
    if key in ("pk", "object_id") and target is not None:
        return target.pk
    if key == "pk":
        return _pk(w, name)
    if key in PAGE_PARAMS:
        return w["jo_translated_page"].pk if name.endswith("convert_to_alias") else target.pk
    in_review = target if target is not None and target.workflow_states.exists() else plan
    by_key = {
        "revision_id": lambda: (target or plan).latest_revision_id,
        "revision_id_a": lambda: "earliest",
        "revision_id_b": lambda: "latest",
        "task_state_id": lambda: _task_state(in_review).pk,
        "task_id": lambda: _task_state(in_review).task_id,
        "workflow_state_id": lambda: in_review.workflow_states.get().pk,
        "action_name": lambda: "approve",
        "workflow_pk": lambda: plan.get_workflow().pk,
        "destination_id": lambda: PlanIndexPage.objects.get(locale__language_code="en").pk,
        "document_id": lambda: w["jo_document"].pk,
        "doc_id": lambda: w["jo_document"].pk,
        "image_id": lambda: w["jo_image"].pk,
        "filter_spec": lambda: "original",
        "uploaded_file_id": lambda: w["jo_upload"].pk,
        "collection_id": lambda: w["jo_collection"].pk,
        "restriction_id": lambda: (
            CollectionViewRestriction.objects.get(collection=w["jo_collection"]).pk
        ),
        "redirect_id": lambda: w["jo_redirect"].pk,
        "translation_id": lambda: w["jo_translation"].pk,
        "translation_source_id": lambda: w["jo_source"].pk,
        "string_segment_id": lambda: w["jo_source"].stringsegment_set.first().pk,
        "overridable_segment_id": lambda: 1,
        "mode": lambda: "desktop",
        "session_id": lambda: w["jo_session"].pk,
        "object_id": lambda: str(plan.pk),
        "version_id": lambda: Version.objects.get_for_object(w["jo_hidden_agency"]).first().pk,
        "uidb64": lambda: "MQ",
        "token": lambda: "set-password",
        "name": lambda: "commitments-template.csv",
    }
    app_label, model_name = MODEL_PARAMS.get(name, ("plans", "nationalplanpage"))
    if key in ("content_type_app_name", "app_label", "app_name"):
        return app_label
    if key in ("content_type_model_name", "model_name"):
        return model_name
    return by_key[key]() if key in by_key else None


def _fill(w, user_key, pattern, name, kwargs):
    """[(url, query)] to request: each parameter filled with one of Jordan's ids."""
    name = name or ""
    if pattern == "admin/^.*/$":
        return [("/admin/no-such-page/", {})]
    if not kwargs:
        url = reverse(name) if name else "/" + pattern
        chosen = {
            "wagtailadmin_choose_page_chosen_multiple": [w["jo_plan"].pk, w["jo_unpublished"].pk],
            "wagtailsnippetchoosers_plans_commitment:chosen_multiple": [
                c.pk for c in _commitments(w, user_key)
            ],
            "wagtaildocs_chooser:chosen_multiple": [w["jo_document"].pk],
            "wagtailimages_chooser:chosen_multiple": [w["jo_image"].pk],
        }
        return [(url, {}), (url, {"id": chosen[name]} if name in chosen else SEARCHED)]
    if name == "wagtail_bulk_action":
        return _bulk_actions(w, user_key)
    urls = []
    for target in _targets(w, user_key, name, kwargs):
        ids = {}
        for key in kwargs:
            if name.startswith("wagtail_localize:") and key in ("app_label", "model_name"):
                ids[key] = {"app_label": "plans", "model_name": "commitment"}[key]
                continue
            ids[key] = _value(w, key, name, target)
            if ids[key] is None:
                raise LookupError(f"no id for <{key}> in {pattern} ({name}): add it to _value")
        urls.append((reverse(name, kwargs=ids), SEARCHED))
    return urls


def _bulk_actions(w, user_key):
    """Every registered bulk action, on Jordan's objects of its model."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    ids = {
        ("wagtailcore", "page"): [w["jo_plan"].pk, w["jo_unpublished"].pk],
        ("plans", "commitment"): [c.pk for c in _commitments(w, user_key)],
        ("wagtaildocs", "document"): [w["jo_document"].pk],
        ("wagtailimages", "image"): [w["jo_image"].pk],
        ("auth", "user"): [w["jo_coordinator"].pk],
    }
    bulk_action_registry._scan_for_bulk_actions()
    return [
        (reverse("wagtail_bulk_action", args=[app, model, action]), {"id": ids[(app, model)]})
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    ]


def _body(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    text = raw.decode("utf-8", "replace")
    if "json" in response.get("Content-Type", ""):
        with contextlib.suppress(ValueError):
            text += json.dumps(json.loads(raw), ensure_ascii=False)
    return text + response.get("Content-Disposition", "")


def _answer(client, url, query):
    """The text of the answer and of every page it redirects to, flash messages included.

    A redirect to the admin home (how Wagtail refuses) is not followed: the home is swept
    on its own, and the message the refusal flashed is read from the request."""
    text = ""
    for _hop in range(5):
        response = client.get(url, query)
        text += _body(response)
        storage = getattr(response.wsgi_request, "_messages", None)
        text += " ".join(str(m) for m in getattr(storage, "_queued_messages", []))
        location = response.get("Location", "")
        if response.status_code not in (301, 302) or location.split("?")[0] == "/admin/":
            break
        url, query = location, {}
    return text


def _secrets(user_key):
    return JORDAN_SECRETS + ((KE_HIDDEN_FROM_DRAFTER,) if user_key == "ke_drafter" else ())


# --- What leaked before the fixes (see the README's security section) -------------------
# A URL that leaks gets an entry here, `xfail(strict=True)`, until it is fixed.
LEAKS = {}


def _params():
    for user_key in ("ke_drafter", "ke_coordinator"):
        for pattern, name, kwargs in ADMIN_PATTERNS:
            reason = LEAKS.get(name) or LEAKS.get((user_key, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(
                user_key, pattern, name, kwargs, marks=marks, id=f"{user_key}-{name or pattern}"
            )


def test_the_sweep_covers_the_apps_that_add_admin_urls():
    names = {name for _pattern, name, _kwargs in ADMIN_PATTERNS}
    assert len(ADMIN_PATTERNS) > 300
    for expected in (
        "wagtail_localize:snippets_api_listing",  # wagtail-localize
        "wagtailadmin_api:pages:listing",  # Wagtail's admin API
        "wagtailadmin_tag_autocomplete",
        "wagtail_bulk_action",
        "wagtailsnippets_plans_commitment:edit",  # this project's
        "plan_overview",
    ):
        assert expected in names


@pytest.mark.parametrize(("user_key", "pattern", "name", "kwargs"), list(_params()))
def test_no_jordanian_secret_in_any_admin_answer(world, user_key, pattern, name, kwargs):
    client = Client(raise_request_exception=False)
    client.force_login(world[user_key])
    leaked = []
    for url, query in _fill(world, user_key, pattern, name, kwargs):
        text = _answer(client, url, query)
        leaked += [f"{url} {query}: {s!r}" for s in _secrets(user_key) if s in text]
    assert not leaked
