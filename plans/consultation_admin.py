"""Admin views of consultation rounds (/admin/plans/overview/<plan>/consultations/ and
/admin/consultations/<round>/). Each view of one object asks `permissions` one question
about it in `dispatch` (its `guard`) before anything else; writes go through
`plans.consultation`, whose refusals are shown as they are."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from . import consultation as services
from . import permissions, selectors
from .forms import (
    ConsultationCommentEditForm,
    ConsultationCommentForm,
    ConsultationOpenForm,
    ConsultationResponseForm,
)
from .models import ConsultationComment, ConsultationRound, NationalPlanPage

ROUND_OPENED = _("The consultation round is open; the members of the agencies consulted are told.")
COMMENT_ADDED = _("Your comment is added.")
COMMENT_CHANGED = _("Your comment is changed.")
RESPONSE_SAVED = _("The response is saved.")
ROUND_CLOSED_MESSAGE = _("The consultation round is closed.")
SUMMARY_PUBLISHED = _("The summary is published with the plan (once the plan is live).")
SUMMARY_WITHDRAWN = _("The summary is no longer public.")


def _refusal_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class GuardedObjectView(WagtailAdminTemplateMixin, TemplateView):
    """One object from the URL, one permission question about it, asked first."""

    model = None
    http_method_names = ["get", "post"]
    header_icon = "comment"

    def guard(self, user, obj) -> bool:
        raise NotImplementedError

    def get_guarded_object(self, pk):
        return get_object_or_404(self.model, pk=pk)

    def dispatch(self, request, *args, pk, **kwargs):
        self.object = self.get_guarded_object(pk)
        if not self.guard(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- A plan's rounds --------------------------------------------------------------------


class PlanConsultationsView(GuardedObjectView):
    """A plan's rounds the user may read, and the coordinator's form to open one."""

    model = NationalPlanPage
    template_name = "plans/admin/consultation_index.html"

    def get_guarded_object(self, pk):
        return get_object_or_404(NationalPlanPage.objects.originals(), pk=pk)

    def guard(self, user, obj):
        return permissions.user_can_view_plan(user=user, plan=obj)

    def get_page_title(self):
        return _("Consultation rounds")

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("plan_overview_index"), "label": _("Our plan")},
            {"url": reverse("plan_overview", args=[self.object.pk]), "label": self.object.title},
            {"url": "", "label": _("Consultation rounds")},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        may_open = permissions.user_can_open_consultation(user=self.request.user, plan=self.object)
        if may_open and form is None:
            form = ConsultationOpenForm(
                plan=self.object,
                initial={
                    "opens_on": timezone.localdate(),
                    "purpose": ConsultationRound.Purpose.BEFORE_ADOPTION,
                },
            )
        rounds = permissions.consultations_user_may_view(user=self.request.user, plan=self.object)
        context.update(
            plan=self.object,
            rounds=rounds.prefetch_related("agencies", "comments"),
            form=form if may_open else None,
        )
        return context

    def post(self, request, *args, **kwargs):
        if not permissions.user_can_open_consultation(user=request.user, plan=self.object):
            raise PermissionDenied
        form = ConsultationOpenForm(request.POST, plan=self.object)
        if form.is_valid():
            try:
                consultation = services.consultation_open(
                    actor=request.user, plan=self.object, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, ROUND_OPENED)
                return redirect("consultation_round", consultation.pk)
        return self.render_to_response(self.get_context_data(form=form))


# --- One round ----------------------------------------------------------------------------


class ConsultationRoundView(GuardedObjectView):
    """The round: its comments grouped by what they are on; the comment form for the
    consulted members, a response form on each comment for the coordinator; the summary
    once closed. POST adds a comment."""

    model = ConsultationRound
    template_name = "plans/admin/consultation_round.html"

    def get_guarded_object(self, pk):
        return get_object_or_404(ConsultationRound.objects.select_related("plan"), pk=pk)

    def guard(self, user, obj):
        return permissions.user_can_view_consultation(user=user, consultation=obj)

    def get_page_title(self):
        return self.object.title

    def get_page_subtitle(self):
        return self.object.plan.title

    def get_breadcrumbs_items(self):
        plan = self.object.plan
        return [
            *self.breadcrumbs_items,
            {"url": reverse("plan_overview", args=[plan.pk]), "label": plan.title},
            {
                "url": reverse("plan_consultations", args=[plan.pk]),
                "label": _("Consultation rounds"),
            },
            {"url": "", "label": self.object.title},
        ]

    def _comment_form(self, data=None):
        user = self.request.user
        agencies = permissions.agencies_user_speaks_for(user=user, consultation=self.object)
        commitments = (
            selectors.commitments_visible_to(user=user)
            .filter(plan=self.object.plan)
            .select_related("capability")
            .order_by("capability__number", "title")
        )
        return ConsultationCommentForm(
            data, plan=self.object.plan, commitments=list(commitments), agencies=agencies
        )

    def get_context_data(self, comment_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        consultation = self.object
        manages = permissions.user_can_manage_consultation(user=user, consultation=consultation)
        comments = list(
            consultation.comments.select_related(
                "agency", "capability", "commitment__capability", "author"
            )
        )
        visible = set(
            selectors.commitments_visible_to(user=user)
            .filter(pk__in={c.commitment_id for c in comments if c.commitment_id})
            .values_list("pk", flat=True)
        )
        takes_comments = services.takes_comments(consultation, on=timezone.localdate())
        may_comment = permissions.user_can_comment_in_consultation(
            user=user, consultation=consultation
        )
        for comment in comments:
            comment.may_edit = (
                takes_comments and not comment.response and comment.author_id == user.pk
            )
            if manages and consultation.is_open:
                comment.response_form = ConsultationResponseForm(
                    initial={"response": comment.response, "reason": comment.reason},
                    prefix=f"c{comment.pk}",
                )
        if comment_form is None and may_comment and takes_comments:
            comment_form = self._comment_form()
        context.update(
            consultation=consultation,
            agencies=consultation.agencies.order_by("name"),
            groups=selectors.consultation_groups(comments, shown_commitment_ids=visible),
            counts=selectors.consultation_counts(comments),
            manages=manages,
            takes_comments=takes_comments,
            comment_form=comment_form if takes_comments else None,
            # Who opened, answered, closed and published, for the coordinator's record.
            history=ModelLogEntry.objects.for_instance(consultation)
            .select_related("user")
            .order_by("-timestamp")
            if manages
            else None,
        )
        return context

    def post(self, request, *args, **kwargs):
        if not permissions.user_can_comment_in_consultation(
            user=request.user, consultation=self.object
        ):
            raise PermissionDenied
        try:
            services.check_takes_comments(self.object, on=timezone.localdate())
        except ValidationError as error:
            messages.error(request, _refusal_text(error))
            return redirect("consultation_round", self.object.pk)
        form = self._comment_form(request.POST)
        if form.is_valid():
            try:
                services.consultation_comment_add(
                    actor=request.user,
                    consultation=self.object,
                    text=form.cleaned_data["text"],
                    agency=form.cleaned_data["agency"],
                    **form.target_kwargs(),
                )
            except ValidationError as error:
                messages.error(request, _refusal_text(error))
                return self.render_to_response(self.get_context_data(comment_form=form))
            messages.success(request, COMMENT_ADDED)
            return redirect("consultation_round", self.object.pk)
        return self.render_to_response(self.get_context_data(comment_form=form))


class ConsultationCommentEditView(GuardedObjectView):
    model = ConsultationComment
    template_name = "plans/admin/consultation_comment_edit.html"

    def get_guarded_object(self, pk):
        return get_object_or_404(ConsultationComment.objects.select_related("round__plan"), pk=pk)

    def guard(self, user, obj):
        return permissions.user_can_edit_consultation_comment(user=user, comment=obj)

    def get_page_title(self):
        return _("Change your comment")

    def get_page_subtitle(self):
        return self.object.round.title

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.object,
            form=form or ConsultationCommentEditForm(initial={"text": self.object.text}),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ConsultationCommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.consultation_comment_edit(
                    actor=request.user, comment=self.object, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                messages.error(request, _refusal_text(error))
                return redirect("consultation_round", self.object.round_id)
            messages.success(request, COMMENT_CHANGED)
            return redirect("consultation_round", self.object.round_id)
        return self.render_to_response(self.get_context_data(form=form))


class CoordinatorPostView(GuardedObjectView):
    """POST only: the coordinator's actions on a round, then back to the round's page."""

    http_method_names = ["post"]

    def round_of(self, obj) -> ConsultationRound:
        return obj

    def guard(self, user, obj):
        return permissions.user_can_manage_consultation(user=user, consultation=self.round_of(obj))

    def act(self, request) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            messages.success(request, self.act(request))
        except ValidationError as error:
            messages.error(request, _refusal_text(error))
        return redirect("consultation_round", self.round_of(self.object).pk)


class ConsultationRespondView(CoordinatorPostView):
    model = ConsultationComment

    def get_guarded_object(self, pk):
        return get_object_or_404(ConsultationComment.objects.select_related("round__plan"), pk=pk)

    def round_of(self, obj):
        return obj.round

    def act(self, request):
        form = ConsultationResponseForm(request.POST, prefix=f"c{self.object.pk}")
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.consultation_respond(actor=request.user, comment=self.object, **form.cleaned_data)
        return RESPONSE_SAVED


class ConsultationCloseView(CoordinatorPostView):
    model = ConsultationRound

    def act(self, request):
        services.consultation_close(actor=request.user, consultation=self.object)
        return ROUND_CLOSED_MESSAGE


class ConsultationSummaryView(CoordinatorPostView):
    model = ConsultationRound

    def act(self, request):
        public = request.POST.get("public") == "1"
        services.consultation_publish_summary(
            actor=request.user, consultation=self.object, public=public
        )
        return SUMMARY_PUBLISHED if public else SUMMARY_WITHDRAWN


def urls():
    return [
        path(
            "plans/overview/<int:pk>/consultations/",
            PlanConsultationsView.as_view(),
            name="plan_consultations",
        ),
        path("consultations/<int:pk>/", ConsultationRoundView.as_view(), name="consultation_round"),
        path(
            "consultations/<int:pk>/close/",
            ConsultationCloseView.as_view(),
            name="consultation_close",
        ),
        path(
            "consultations/<int:pk>/summary/",
            ConsultationSummaryView.as_view(),
            name="consultation_summary",
        ),
        path(
            "consultations/comments/<int:pk>/edit/",
            ConsultationCommentEditView.as_view(),
            name="consultation_comment_edit",
        ),
        path(
            "consultations/comments/<int:pk>/respond/",
            ConsultationRespondView.as_view(),
            name="consultation_respond",
        ),
    ]
