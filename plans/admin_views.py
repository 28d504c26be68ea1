"""Admin views for commitments, each asking `permissions` about the commitment at hand.

Wagtail's snippet views check model-level rights ("may change some commitment"). Every
view of one commitment here first refuses unless the user holds `object_action` on that
commitment, then answers all of Wagtail's own questions about that same commitment (see
`home.admin_permissions`). The listing and the chooser list only what
the user may see.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from django_filters import ChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, TaskState
from wagtail.snippets.views import chooser
from wagtail.snippets.views import snippets as snippet_views

from home.admin_permissions import InstancePermissionViewMixin
from stakeholders.models import Agency

from . import permissions, reviews, selectors, services
from .models import Capability, Commitment, CountryReviewSetup, NationalPlanPage

policy = permissions.commitment_policy

TRANSLATION_NO_LANGUAGE = _("Choose a language to translate the plan into.")


class CommitmentObjectMixin(InstancePermissionViewMixin):
    """Every view of one commitment: see `home.admin_permissions`."""

    model = Commitment

    def refuse(self, request):
        # People of the commitment's country are told why and whom to ask (nothing of
        # its content unless they may read it); anyone else learns nothing about it.
        commitment = self.guarded_object
        if not permissions.user_belongs_to_country(
            user=request.user, country_id=commitment.plan.country_id
        ):
            return super().refuse(request)
        if policy.user_has_permission_for_instance(request.user, "view", commitment):
            # The read-only page says why and whom to ask itself.
            return redirect("wagtailsnippets_plans_commitment:inspect", commitment.pk)
        reason = permissions.edit_refusal(user=request.user, commitment=commitment)
        return TemplateResponse(
            request,
            "plans/admin/commitment_refused.html",
            {"reason": reason, "page_title": _("Not yours to open")},
            status=403,
        )


class SyncPermissionsOnSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        services.commitment_sync_permissions(commitment=instance, actor=self.request.user)
        return instance


# --- Listing ---------------------------------------------------------------------


def _scope_choices():
    return [("mine", _("Led by my agency")), ("all", _("All I can see"))]


# Apps above plans add columns to the commitment listing through this hook: a function
# returning (annotate, columns), `annotate` taking the listing's queryset and returning it
# with what the columns read (tracking adds lateness and the last update).
LISTING_COLUMNS_HOOK = "register_commitment_listing_columns"


def listing_extensions():
    return [fn() for fn in hooks.get_hooks(LISTING_COLUMNS_HOOK)]


def _state_choices():
    return list(selectors.REVIEW_STATES.items())


STATE_FILTERS = {
    "draft": Q(live=False, review_step__isnull=True, changes_requested=False),
    "in_review": Q(review_step__isnull=False),
    "changes_requested": Q(review_step__isnull=True, changes_requested=True),
    "live": Q(live=True, has_unpublished_changes=False, review_step__isnull=True),
    "live_with_changes": Q(live=True, has_unpublished_changes=True, review_step__isnull=True),
}


class CommitmentFilterSet(WagtailFilterSet):
    scope = ChoiceFilter(
        label=_("Show"),
        choices=_scope_choices,
        method="filter_scope",
        empty_label=None,
    )
    state = ChoiceFilter(label=_("State"), choices=_state_choices, method="filter_state")

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        visible = selectors.commitments_visible_to(user=user) if user else Commitment.objects.none()
        self.filters["plan"].queryset = NationalPlanPage.objects.filter(
            pk__in=visible.values("plan")
        )
        self.filters["lead_agency"].queryset = Agency.objects.filter(
            pk__in=visible.values("lead_agency")
        )
        self.filters["capability"].queryset = Capability.objects.filter(
            pk__in=visible.values("capability")
        )
        if not (user and selectors.user_drafts_only(user=user)):
            del self.filters["scope"]

    def filter_scope(self, queryset, name, value):
        # Applied in CommitmentViewSet.get_queryset so that it is also the default.
        return queryset

    def filter_state(self, queryset, name, value):
        return queryset.filter(STATE_FILTERS[value]) if value in STATE_FILTERS else queryset

    class Meta:
        model = Commitment
        fields = ["scope", "state", "plan", "capability", "lead_agency", "status", "is_internal"]


class StateColumn(Column):
    """Draft, in review (with the step), changes requested, live, live with changes."""

    def get_value(self, instance):
        return selectors.review_state_label(instance)


class CommitmentIndexView(snippet_views.IndexView):
    """Row links are decided per row, from permissions prefetched for the whole page."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        for _annotate, extra in listing_extensions():
            columns[-1:-1] = extra  # before the last (updated) column
        return columns

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        object_list = list(object_list)
        permissions.prefetch_commitment_permissions(user=self.request.user, commitments=object_list)
        return paginator, page, object_list, is_paginated

    def _can(self, action, instance):
        return policy.user_has_permission_for_instance(self.request.user, action, instance)

    @cached_property
    def _can_add(self):
        return policy.user_has_permission(self.request.user, "add")

    def user_has_permission(self, permission):
        if permission == "add":
            return self._can_add
        return super().user_has_permission(permission)

    def get_edit_url(self, instance):
        if self._can("change", instance):
            return reverse(self.edit_url_name, args=(quote(instance.pk),))

    def get_inspect_url(self, instance):
        if self.inspect_url_name and self._can("view", instance):
            return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    def get_delete_url(self, instance):
        if self._can("delete", instance):
            return reverse(self.delete_url_name, args=(quote(instance.pk),))

    def get_copy_url(self, instance):
        return None


# --- Create and edit -------------------------------------------------------------


class CommitmentCreateView(SyncPermissionsOnSaveMixin, snippet_views.CreateView):
    """Create, and optionally submit at once, into the workflow of the user's country.

    Wagtail's create view only knows the model's default workflow, which is per content
    type; a commitment's workflow is its country's, known once its plan is known.
    """

    @cached_property
    def workflow(self):
        if self.object is not None:
            return self.object.get_workflow()
        countries = set(
            permissions.plans_user_may_add_to(user=self.request.user).values_list(
                "country", flat=True
            )
        )
        if len(countries) != 1:
            return None  # several countries (a superuser): save first, then submit
        return CountryReviewSetup.commitment_workflow_of(country_id=countries.pop())

    def submit_action(self):
        workflow = self.object.get_workflow()
        if workflow is not None:
            workflow.start(self.object, self.request.user)


SAVE_WOULD_OVERWRITE = _(
    "Someone saved a newer version of this commitment after you opened it. Nothing was "
    "saved, so their changes are not overwritten. Your text is still in the form: open the "
    "commitment again in a new tab, then copy your changes into it."
)


class CommitmentEditView(CommitmentObjectMixin, SyncPermissionsOnSaveMixin, snippet_views.EditView):
    object_action = "change"

    def post(self, request, *args, **kwargs):
        # Two editors saving at the same moment would both pass the staleness check below
        # before either wrote. The row lock makes the second wait for the first, then
        # read the revision it saved, and be refused. (SQLite locks the whole database.)
        with transaction.atomic():
            Commitment.objects.select_for_update().filter(pk=self.object.pk).first()
            self.object = self.get_object()
            for name in ("latest_revision", "latest_revision_created_at", "is_out_of_date"):
                self.__dict__.pop(name, None)
            return super().post(request, *args, **kwargs)

    def get_success_message(self, instance=None):
        if self.action == "workflow-action" and self.workflow_action in ("approve", "reject"):
            return reviews.review_message(
                obj=instance or self.object, action=self.workflow_action, user=self.request.user
            )
        return super().get_success_message(instance)

    def is_valid(self, form):
        # Wagtail refuses stale saves only for autosave; an ordinary save from a page
        # opened before someone else's save would silently replace their work.
        if self.is_out_of_date:
            self.produced_error_code = "invalid_revision"
            self.produced_error_message = SAVE_WOULD_OVERWRITE
            return False
        return super().is_valid(form)


class CommitmentDeleteView(CommitmentObjectMixin, snippet_views.DeleteView):
    object_action = "delete"


class CommitmentUsageView(CommitmentObjectMixin, snippet_views.UsageView):
    object_action = "view"


class CommitmentHistoryView(CommitmentObjectMixin, snippet_views.HistoryView):
    object_action = "view"


class CommitmentInspectView(CommitmentObjectMixin, snippet_views.InspectView):
    """What people who may read but not change a commitment see: its latest version as
    the public would read it, where it stands in review, who leads it, whom to ask."""

    object_action = "view"
    template_name = "plans/admin/commitment_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            working=self.object.get_latest_revision_as_object(),
            state=selectors.review_state_label(self.object),
            public_url=self._public_url(),
            refusal=None
            if policy.user_has_permission_for_instance(user, "change", self.object)
            else permissions.edit_refusal(user=user, commitment=self.object),
        )
        return context

    def _public_url(self):
        if not (self.object.live and not self.object.is_internal and self.object.plan.live):
            return None
        plan = self.object.plan.specific
        return plan.full_url + plan.reverse_subpage("commitment", args=(self.object.pk,))


class CommitmentPreviewOnEditView(CommitmentObjectMixin, snippet_views.PreviewOnEditView):
    object_action = "change"


class CommitmentPreviewRevisionView(CommitmentObjectMixin, snippet_views.PreviewRevisionView):
    # Wagtail asks for "change"; a past version is something anyone who may read the
    # commitment may read (its history page links to it), supporting agencies included.
    object_action = "view"
    permission_required = "view"


class CommitmentRevisionsCompareView(CommitmentObjectMixin, snippet_views.RevisionsCompareView):
    object_action = "view"


class CommitmentUnpublishView(CommitmentObjectMixin, snippet_views.UnpublishView):
    object_action = "publish"


class CommitmentRevisionsUnscheduleView(
    CommitmentObjectMixin, snippet_views.RevisionsUnscheduleView
):
    object_action = "publish"


class CommitmentLockView(CommitmentObjectMixin, snippet_views.LockView):
    object_action = "lock"


class CommitmentUnlockView(CommitmentObjectMixin, snippet_views.UnlockView):
    object_action = "view"  # Wagtail lets the locker unlock; its view checks "unlock" itself.


class TaskStateOfThisCommitmentMixin:
    """Wagtail takes the task state id from the URL without checking it belongs to the
    object in the URL: approving one's own commitment's URL with another's task state
    would act on the other. Only task states of this commitment are found."""

    def get_task_state(self):
        return get_object_or_404(
            TaskState,
            id=self.task_state_id,
            workflow_state__object_id=str(self.guarded_object.pk),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Commitment),
        ).specific


class CommitmentWorkflowActionView(
    CommitmentObjectMixin, TaskStateOfThisCommitmentMixin, snippet_views.WorkflowActionView
):
    object_action = "view"  # the workflow task decides who acts; never another country


class CommitmentCollectWorkflowActionDataView(
    CommitmentObjectMixin,
    TaskStateOfThisCommitmentMixin,
    snippet_views.CollectWorkflowActionDataView,
):
    object_action = "view"


class CommitmentConfirmWorkflowCancellationView(
    CommitmentObjectMixin, snippet_views.ConfirmWorkflowCancellationView
):
    object_action = "change"


class CommitmentWorkflowPreviewView(CommitmentObjectMixin, snippet_views.WorkflowPreviewView):
    object_action = "view"


class CommitmentWorkflowHistoryView(CommitmentObjectMixin, snippet_views.WorkflowHistoryView):
    object_action = "view"


class CommitmentWorkflowHistoryDetailView(
    CommitmentObjectMixin, snippet_views.WorkflowHistoryDetailView
):
    object_action = "view"


# --- Chooser ---------------------------------------------------------------------


class VisibleCommitmentsMixin:
    def get_object_list(self):
        return selectors.commitments_visible_to(user=self.request.user).select_related(
            "lead_agency", "capability"
        )


class CommitmentChooseView(VisibleCommitmentsMixin, chooser.ChooseView):
    pass


class CommitmentChooseResultsView(VisibleCommitmentsMixin, chooser.ChooseResultsView):
    pass


class CommitmentChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return selectors.commitments_visible_to(user=self.request.user).get(pk=pk)


class CommitmentChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return selectors.commitments_visible_to(user=self.request.user).filter(pk__in=pks)


class CommitmentChooserCreateView(chooser.SnippetCreateView):
    """Commitments are created in their full form, with their rights; never from a chooser."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class CommitmentChooserViewSet(chooser.SnippetChooserViewSet):
    create_view_class = CommitmentChooserCreateView
    choose_view_class = CommitmentChooseView
    choose_results_view_class = CommitmentChooseResultsView
    chosen_view_class = CommitmentChosenView
    chosen_multiple_view_class = CommitmentChosenMultipleView
    create_action_label = None


# --- Plan overview (read-only, for every member of the plan's country) -------------


class PlanOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """A drafter cannot edit the plan page but must see what the plan asks of them."""

    template_name = "plans/admin/plan_overview.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, pk=None, **kwargs):
        self.plan = None
        if pk is not None:
            self.plan = get_object_or_404(NationalPlanPage, pk=pk)
            if not permissions.user_can_view_plan(user=request.user, plan=self.plan):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.plan.title if self.plan else _("Our plan")

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        items.append({"url": reverse("plan_overview_index"), "label": _("Our plan")})
        if self.plan:
            items.append({"url": "", "label": self.plan.title})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.plan is None:
            plans = list(permissions.plans_user_may_view(user=self.request.user))
            for item in plans:
                item.may_edit_page = item.permissions_for_user(self.request.user).can_edit()
            context["plans"] = plans
            return context
        # The working copy: drafters co-draft against the plan as it is being written.
        plan = self.plan.get_latest_revision_as_object()
        visible = selectors.commitments_visible_to(user=self.request.user).filter(plan=self.plan)
        by_capability = {}
        for commitment in visible.select_related("lead_agency"):
            by_capability.setdefault(commitment.capability_id, []).append(commitment)
        sections = list(plan.capability_sections.all())
        for section in sections:
            section.visible_commitments = by_capability.get(section.capability_id, [])
        context.update(
            plan=plan,
            sections=sections,
            may_view_gaps=permissions.user_can_view_plan_gaps(
                user=self.request.user, plan=self.plan
            ),
            may_edit_page=self.plan.permissions_for_user(self.request.user).can_edit(),
            may_translate=permissions.user_may_translate_plan(
                user=self.request.user, plan=self.plan
            ),
            translations=selectors.plan_translations(self.plan),
        )
        return context


# --- Translations of a plan (coordinators of its country) ---------------------------


class PlanTranslationStartView(View):
    """POST: start a draft translation of a plan into one language, then edit it."""

    http_method_names = ["post"]

    def post(self, request, pk):
        plan = get_object_or_404(NationalPlanPage.objects.originals(), pk=pk)
        if not permissions.user_may_translate_plan(user=request.user, plan=plan):
            raise PermissionDenied
        locale = Locale.objects.filter(language_code=request.POST.get("locale", "")).first()
        if locale is None:
            messages.error(request, TRANSLATION_NO_LANGUAGE)
            return redirect("plan_overview", plan.pk)
        try:
            translated = services.plan_translation_start(
                actor=request.user, plan=plan, locale=locale
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("plan_overview", plan.pk)
        messages.success(
            request,
            _(
                "A %(language)s translation of “%(plan)s” is started as a draft. Translate it "
                "here, then submit it for review from “Our plan”."
            )
            % {"language": locale.get_display_name(), "plan": plan.title},
        )
        return redirect("wagtailadmin_pages:edit", translated.pk)


class PlanTranslationSubmitView(View):
    """POST: send a translation's latest draft into the country's plan review."""

    http_method_names = ["post"]

    def post(self, request, pk):
        translated = get_object_or_404(NationalPlanPage, pk=pk)
        try:
            original = services.original_of(translated)
        except ValidationError as error:
            raise Http404 from error
        if not permissions.user_may_translate_plan(user=request.user, plan=original):
            raise PermissionDenied
        try:
            services.plan_translation_submit(actor=request.user, translated=translated)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The %(language)s translation is submitted for review.")
                % {"language": translated.locale.get_display_name()},
            )
        return redirect("plan_overview", original.pk)
