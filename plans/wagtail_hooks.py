from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_permissions import ReferenceDataPermissionPolicy
from stakeholders.permissions import AGENCY_PUBLIC_HOOK

from . import (
    admin_views,
    consultation,
    consultation_admin,
    finding_admin,
    legislation_admin,
    permissions,
    reference_admin,
    reviews,
    selectors,
    services,
)
from .middleware import hide_superuser_only_items
from .models import (
    Capability,
    Commitment,
    Domain,
    Finding,
    Framework,
    InspireStrategy,
    LegislativeCriterion,
    LegislativeReview,
    MaturityLevel,
    NationalPlanPage,
)
from .permissions import (
    REFERENCE_MODELS,
    commitment_policy,
    finding_policy,
    legislative_review_policy,
)

# Policies first: the viewsets below refuse to register without them.
register_permission_policy(Commitment, commitment_policy)
register_permission_policy(Finding, finding_policy)
register_permission_policy(LegislativeReview, legislative_review_policy)
for reference_model in REFERENCE_MODELS:
    register_permission_policy(reference_model, ReferenceDataPermissionPolicy(reference_model))


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "tasks"
    menu_label = _("Commitments")
    menu_order = 150
    add_to_admin_menu = True
    list_display = [
        "title",
        admin_views.StateColumn("state", label=_("State")),
        "lead_agency",
        "due_date",
        "progress",
    ]
    list_export = ["title", "plan", "capability", "lead_agency", "status", "progress", "due_date"]
    filterset_class = admin_views.CommitmentFilterSet
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False

    index_view_class = admin_views.CommitmentIndexView
    add_view_class = admin_views.CommitmentCreateView
    edit_view_class = admin_views.CommitmentEditView
    delete_view_class = admin_views.CommitmentDeleteView
    usage_view_class = admin_views.CommitmentUsageView
    history_view_class = admin_views.CommitmentHistoryView
    inspect_view_class = admin_views.CommitmentInspectView
    preview_on_edit_view_class = admin_views.CommitmentPreviewOnEditView
    revisions_view_class = admin_views.CommitmentPreviewRevisionView
    revisions_compare_view_class = admin_views.CommitmentRevisionsCompareView
    revisions_unschedule_view_class = admin_views.CommitmentRevisionsUnscheduleView
    unpublish_view_class = admin_views.CommitmentUnpublishView
    lock_view_class = admin_views.CommitmentLockView
    unlock_view_class = admin_views.CommitmentUnlockView
    workflow_action_view_class = admin_views.CommitmentWorkflowActionView
    collect_workflow_action_data_view_class = admin_views.CommitmentCollectWorkflowActionDataView
    confirm_workflow_cancellation_view_class = admin_views.CommitmentConfirmWorkflowCancellationView
    workflow_preview_view_class = admin_views.CommitmentWorkflowPreviewView
    workflow_history_view_class = admin_views.CommitmentWorkflowHistoryView
    workflow_history_detail_view_class = admin_views.CommitmentWorkflowHistoryDetailView
    chooser_viewset_class = admin_views.CommitmentChooserViewSet

    def get_queryset(self, request):
        queryset = selectors.commitments_visible_to(user=request.user)
        if request.GET.get("scope") != "all" and selectors.user_drafts_only(user=request.user):
            queryset = selectors.commitments_led_by_users_agencies(user=request.user)
        queryset = selectors.with_review_state(queryset)
        for annotate, _columns in admin_views.listing_extensions():
            queryset = annotate(queryset)
        return queryset.select_related("plan", "capability", "lead_agency", "latest_revision")


class ReferenceViewSet(ModelViewSet):
    """Reference data: superusers change it, each change is a version, and the translated
    kinds carry their names in every language on the same form."""

    add_view_class = reference_admin.ReferenceCreateView
    edit_view_class = reference_admin.ReferenceEditView
    inspect_view_enabled = True
    has_translations = True

    def get_form_class(self, for_update=False):
        if not self.has_translations:
            return super().get_form_class(for_update)
        return reference_admin.translations_form_class(
            self.model, self.form_fields, formfield_callback=self.formfield_for_dbfield
        )


class FrameworkViewSet(ReferenceViewSet):
    model = Framework
    name = "frameworks"
    icon = "doc-full"
    menu_label = _("Frameworks")
    list_display = ["name", "code", "year"]
    form_fields = ["code", "name", "publisher", "year", "url"]
    has_translations = False


class DomainViewSet(ReferenceViewSet):
    model = Domain
    name = "mnr_domains"
    icon = "folder-open-inverse"
    menu_label = _("MNR domains")
    list_display = ["number", "name", "framework"]
    list_filter = ["framework"]
    form_fields = ["framework", "number", "name"]


class CapabilityViewSet(ReferenceViewSet):
    model = Capability
    name = "capabilities"
    icon = "list-ol"
    menu_label = _("MNR capabilities")
    list_display = ["number", "name", "domain", "framework"]
    list_filter = ["framework", "domain"]
    search_fields = ["name", "description"]
    form_fields = ["framework", "domain", "number", "name", "description"]
    list_per_page = 50


class InspireStrategyViewSet(ReferenceViewSet):
    model = InspireStrategy
    name = "inspire_strategies"
    icon = "tag"
    menu_label = _("INSPIRE strategies")
    list_display = ["number", "letter", "name"]
    form_fields = ["framework", "number", "letter", "name", "description"]


class MaturityLevelViewSet(ReferenceViewSet):
    model = MaturityLevel
    name = "maturity_levels"
    icon = "pick"
    menu_label = _("Maturity levels")
    list_display = ["order", "name"]
    form_fields = ["order", "name", "description"]


class LegislativeCriterionViewSet(ReferenceViewSet):
    model = LegislativeCriterion
    name = "legislative_criteria"
    icon = "list-ul"
    menu_label = _("Legislative criteria")
    list_display = ["order", "name", "code"]
    form_fields = ["order", "code", "name", "description", "source"]


class ReferenceDataViewSetGroup(ViewSetGroup):
    menu_label = _("Frameworks")
    menu_icon = "doc-full"
    menu_order = 400
    items = (
        FrameworkViewSet,
        DomainViewSet,
        CapabilityViewSet,
        InspireStrategyViewSet,
        MaturityLevelViewSet,
        LegislativeCriterionViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        CommitmentViewSet(),
        finding_admin.FindingViewSet(),
        legislation_admin.LegislativeReviewViewSet(),
        ReferenceDataViewSetGroup(),
    ]


# The reviewer of the current step sees Approve as the primary button, then Request
# changes and Approve with comment first in the menu, beside the diff of the changes.
def _review_rank(item) -> int:
    if item.name == "approve" and not item.launch_modal:
        return 0
    return 1 if item.name == "reject" else 2


def review_actions_first(menu_items, request, context):
    review = [item for item in menu_items if getattr(item, "name", None) in ("approve", "reject")]
    if not review:
        return
    review.sort(key=_review_rank)
    menu_items[:] = review + [item for item in menu_items if item not in review]


hooks.register("construct_snippet_action_menu", review_actions_first)
hooks.register("construct_page_action_menu", review_actions_first)


@hooks.register("after_edit_page")
def say_who_reviewed(request, page):
    """Wagtail says only "Page ... updated" after an approval from the page editor."""
    if request.POST.get("action-workflow-action") is not None:
        reviews.replace_update_message(request, obj=page.specific)


hooks.register("register_log_actions", reviews.register_review_log_actions)


# Menus show only what the role can use (plans/middleware.py refuses the rest).
hooks.register("construct_main_menu", hide_superuser_only_items)
hooks.register("construct_reports_menu", hide_superuser_only_items)


@hooks.register(AGENCY_PUBLIC_HOOK)
def agency_named_in_a_published_commitment(agency):
    return selectors.commitments_naming_agency(agency=agency).exists()


@hooks.register(AGENCY_PUBLIC_HOOK)
def agency_named_in_a_published_consultation(agency):
    return selectors.public_consultation_rounds().filter(agencies=agency).exists()


@hooks.register("after_create_page")
def set_up_new_plan(request, page):
    if isinstance(page.specific, NationalPlanPage):
        services.plan_setup(plan=page.specific)


PLAN_DELETE_REFUSED = _(
    "A national plan is never deleted here: its commitments and history belong to it. "
    "Mark it as superseded instead."
)


@hooks.register("before_delete_page")
def refuse_plan_deletion(request, page):
    """Plans are superseded, not deleted; a plan with commitments cannot be deleted at all."""
    from django.contrib import messages
    from django.shortcuts import redirect

    plan = page.specific
    if not isinstance(plan, NationalPlanPage):
        return None
    if request.user.is_superuser and not plan.commitments.exists():
        return None
    messages.error(request, PLAN_DELETE_REFUSED)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_of_others(pages, request):
    """The page chooser lists every page; unpublished ones only for those who may edit them."""
    from django.db.models import Q
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if request.user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


@hooks.register("register_admin_urls")
def register_plan_overview_urls():
    from django.urls import path

    return [
        path("plans/overview/", admin_views.PlanOverviewView.as_view(), name="plan_overview_index"),
        path(
            "plans/overview/<int:pk>/", admin_views.PlanOverviewView.as_view(), name="plan_overview"
        ),
        path(
            "plans/overview/<int:pk>/translate/",
            admin_views.PlanTranslationStartView.as_view(),
            name="plan_translation_start",
        ),
        path(
            "plans/translations/<int:pk>/submit/",
            admin_views.PlanTranslationSubmitView.as_view(),
            name="plan_translation_submit",
        ),
        path(
            "reference/<str:model_name>/<int:pk>/versions/",
            reference_admin.ReferenceVersionsView.as_view(),
            name="reference_versions",
        ),
        *consultation_admin.urls(),
    ]


class PlanOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.plans_user_may_view(user=request.user).exists()


@hooks.register("register_admin_menu_item")
def register_plan_overview_menu_item():
    return PlanOverviewMenuItem(
        _("Our plan"), reverse("plan_overview_index"), icon_name="doc-full", order=140
    )


@hooks.register("register_log_actions")
def register_plan_log_actions(actions):
    actions.register_action("plans.rights_changed", _("Change rights"), _("Rights changed"))
    consultation.register_log_actions(actions)


@hooks.register("construct_main_menu")
def hide_images_menu(request, menu_items):
    # No page or snippet of the site has an image: the menu only invites uploads nobody
    # sees. (Evidence files are documents.)
    menu_items[:] = [item for item in menu_items if item.name != "images"]
