"""Admin views of the legislative reviews (/admin/legislation/), each asking
`permissions.legislative_review_policy` about the review at hand through the one
per-object guard (`home.admin_permissions`); saves and deletes go through the services,
which also bring the findings the review raises up to date."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_permissions import InstancePermissionViewMixin, VisibleInstancesIndexMixin

from . import services
from .forms import LegislativeReviewForm
from .models import LegislativeReview
from .models.legislation import AssessmentStatus


class LegislativeReviewSaveMixin:
    """Create/edit through `services.legislative_review_save` (validated, atomic, logged,
    findings synchronised)."""

    def save_instance(self):
        review = self.form.save(commit=False)
        return services.legislative_review_save(actor=self.request.user, review=review)


class LegislativeReviewIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    pass


class LegislativeReviewCreateView(LegislativeReviewSaveMixin, generic.CreateView):
    pass


class LegislativeReviewEditView(
    InstancePermissionViewMixin, LegislativeReviewSaveMixin, generic.EditView
):
    object_action = "change"


class LegislativeReviewDeleteView(InstancePermissionViewMixin, generic.DeleteView):
    object_action = "delete"

    def delete_action(self):
        services.legislative_review_delete(actor=self.request.user, review=self.object)


class LegislativeReviewInspectView(InstancePermissionViewMixin, generic.InspectView):
    """What the country's other members read: the review, every criterion and the bills."""

    object_action = "view"
    template_name = "plans/admin/legislative_review_inspect.html"
    fields = ["country", "title", "date", "source_url", "summary", "public"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["assessments"] = self.object.assessments.select_related("criterion")
        context["bills"] = self.object.pending_bills.prefetch_related("criteria")
        context["unmet"] = [AssessmentStatus.NOT_MET, AssessmentStatus.PARTLY]
        return context


class LegislativeReviewHistoryView(InstancePermissionViewMixin, generic.HistoryView):
    object_action = "view"


class LegislativeReviewUsageView(InstancePermissionViewMixin, generic.UsageView):
    object_action = "view"


class LegislativeReviewViewSet(ModelViewSet):
    model = LegislativeReview
    name = "legislation"
    icon = "doc-full-inverse"
    menu_label = _("Legislative review")
    menu_order = 161
    add_to_admin_menu = True
    list_display = ["country", "title", "date", "public"]
    list_filter = ["country", "public"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = LegislativeReviewIndexView
    add_view_class = LegislativeReviewCreateView
    edit_view_class = LegislativeReviewEditView
    delete_view_class = LegislativeReviewDeleteView
    inspect_view_class = LegislativeReviewInspectView
    history_view_class = LegislativeReviewHistoryView
    usage_view_class = LegislativeReviewUsageView

    edit_handler = ObjectList(
        [
            FieldPanel("country"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("title"), FieldPanel("date")]),
                    FieldPanel("source_url"),
                    FieldPanel("summary"),
                ],
                heading=_("Source"),
            ),
            InlinePanel(
                "assessments",
                heading=_("Criteria"),
                label=_("criterion"),
                help_text=_(
                    "Each criterion of the checklist, with the law and article that meet it. "
                    "A criterion not met or partly met becomes a finding of the register "
                    "(MNR capability 3), which commitments can answer; once met, its finding "
                    "is marked addressed. Laws only: never a child or a case."
                ),
            ),
            InlinePanel(
                "pending_bills",
                heading=_("Pending bills"),
                label=_("bill"),
            ),
            FieldPanel("terminology_quotations"),
            FieldPanel("public"),
        ],
        base_form_class=LegislativeReviewForm,
    )
