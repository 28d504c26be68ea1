"""Review steps whose reviewers depend on the country or on the object under review.

Wagtail's group approval task trusts a fixed list of groups. Here the final step of every
country's workflow is bound to that country: only its reviewers (and superusers) are
offered "approve", whatever object reaches it, which is what makes it safe for the
finishing action (`plans.approval.publish_workflow_state`) to publish without asking for
model-wide publish rights.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from stakeholders.permissions import user_reviews

REVIEW_ACTIONS = (
    ("reject", _("Request changes"), True),
    ("approve", _("Approve"), False),
    ("approve", _("Approve with comment"), True),
)


def object_country_id(obj):
    """The country a plan page or commitment belongs to (None for anything else)."""
    obj = getattr(obj, "specific", obj)
    if hasattr(obj, "plan_id") and obj.plan_id:
        return obj.plan.country_id
    return getattr(obj, "country_id", None)


class CountryReviewTask(Task):
    """Approval by the reviewers of one country, for that country's plans and commitments."""

    country = models.ForeignKey(
        "stakeholders.Country",
        on_delete=models.CASCADE,
        related_name="review_tasks",
        verbose_name=_("country"),
    )

    admin_form_fields = [*Task.admin_form_fields, "country"]

    class Meta:
        verbose_name = _("country review")
        verbose_name_plural = _("country reviews")

    def is_reviewer(self, user):
        return user_reviews(user=user, country_id=self.country_id)

    def user_may_review(self, obj, user):
        return object_country_id(obj) == self.country_id and self.is_reviewer(user)

    def user_can_access_editor(self, obj, user):
        return self.user_may_review(obj, user)

    def locked_for_user(self, obj, user):
        # While in review, only the reviewers edit: what they approve is what they read.
        return not self.user_may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_review(obj, user)

    def get_actions(self, obj, user):
        return list(REVIEW_ACTIONS) if self.user_may_review(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.is_reviewer(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def reviewers(self, obj=None):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(
            is_active=True, groups__reviewed_country__pk=self.country_id
        )

    @classmethod
    def get_description(cls):
        return _("The reviewers of the country approve or request changes.")


class LeadAgencyHeadTask(Task):
    """Approval by the head of the commitment's lead agency, before the national review."""

    admin_form_fields = list(Task.admin_form_fields)

    class Meta:
        verbose_name = _("lead agency head approval")
        verbose_name_plural = _("lead agency head approvals")

    @staticmethod
    def _lead_agency(obj):
        obj = getattr(obj, "specific", obj)
        return getattr(obj, "lead_agency", None)

    def user_may_review(self, obj, user):
        agency = self._lead_agency(obj)
        if agency is None:
            return False
        return user.is_superuser or user.groups.filter(pk=agency.heads_group_id).exists()

    def user_can_access_editor(self, obj, user):
        return self.user_may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_review(obj, user)

    def get_actions(self, obj, user):
        return list(REVIEW_ACTIONS) if self.user_may_review(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if user.is_superuser:
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        # By name: commitments.py imports this module (Commitment.get_workflow).
        Commitment = apps.get_model("plans", "Commitment")
        headed = Commitment.objects.filter(lead_agency__heads_group__in=user.groups.all())
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__object_id__in=[str(pk) for pk in headed.values_list("pk", flat=True)],
            workflow_state__base_content_type__model="commitment",
        )

    def reviewers(self, obj=None):
        from django.contrib.auth import get_user_model

        agency = self._lead_agency(obj)
        if agency is None:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, groups=agency.heads_group_id)

    @classmethod
    def get_description(cls):
        return _("The head of the commitment's lead agency approves before the national review.")


class CountryReviewSetup(models.Model):
    """Which workflows a country's plans and commitments go through."""

    country = models.OneToOneField(
        "stakeholders.Country", on_delete=models.CASCADE, related_name="review_setup"
    )
    plan_workflow = models.ForeignKey(
        "wagtailcore.Workflow", on_delete=models.PROTECT, related_name="+"
    )
    commitment_workflow = models.ForeignKey(
        "wagtailcore.Workflow", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("country review setup")

    def __str__(self):
        return str(self.country)

    @classmethod
    def commitment_workflow_of(cls, **country):
        """The active commitment workflow of one country (`country_id=`, or any lookup of
        a country such as `country__plans=`), or None: the one place that finds it."""
        setup = cls.objects.filter(**country).select_related("commitment_workflow").first()
        if setup is None or not setup.commitment_workflow.active:
            return None
        return setup.commitment_workflow
