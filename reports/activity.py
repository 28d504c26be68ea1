"""The "Activity" report: a country's audit log, for its national coordinators.

Wagtail's site history shows log entries by content type, which per-country rights do
not fit: here the entries are chosen by the country they concern (its plan pages, its
commitments and their progress updates, its agencies, memberships and invitations, and
the sign-ins and two-factor events of its people), and nobody sees another country's.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Q, Value
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from plans.models import Commitment, NationalPlanPage
from stakeholders.models import Agency, Country, Membership
from stakeholders.permissions import coordinated_countries
from tracking.models import ProgressUpdate


def _ids(queryset):
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


def country_log_entries(log_model, countries):
    """The log entries of `log_model` that concern these countries."""
    if log_model is PageLogEntry:
        return PageLogEntry.objects.filter(
            page__in=NationalPlanPage.objects.filter(country__in=countries).values("pk")
        )
    if log_model is not ModelLogEntry:
        return log_model.objects.none()
    User = get_user_model()
    types = ContentType.objects.get_for_models(
        Commitment, Membership, Agency, Country, ProgressUpdate, User
    )
    codes = list(countries.values_list("code", flat=True))
    return ModelLogEntry.objects.filter(
        Q(
            content_type=types[Commitment],
            object_id__in=_ids(Commitment.objects.filter(plan__country__in=countries)),
        )
        # Entries name their country, so they outlive a deleted membership or update.
        | Q(
            content_type__in=[types[Membership], types[Agency], types[Country]],
            data__country__in=codes,
        )
        | Q(content_type=types[ProgressUpdate], data__country__in=codes)
        # Older entries of updates carry no country: by the update's commitment.
        | Q(
            content_type=types[ProgressUpdate],
            object_id__in=_ids(
                ProgressUpdate.objects.filter(commitment__plan__country__in=countries)
            ),
        )
        # Sign-ins are about the account: those of the country's people (one country
        # each), never a site administrator's unless they are a member.
        | Q(content_type=types[User], object_id__in=_ids(people_of(countries)))
    )


def people_of(countries):
    return get_user_model().objects.filter(memberships__agency__country__in=countries).distinct()


class ActivityFilterSet(SiteHistoryReportFilterSet):
    agency = django_filters.ModelChoiceFilter(
        label=_("Agency"), queryset=Agency.objects.none(), method="filter_agency"
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        countries = coordinated_countries(user=request.user)
        self.filters["agency"].queryset = Agency.objects.filter(country__in=countries)
        self.countries = countries
        if "object_type" in self.filters:
            del self.filters["object_type"]

    def filter_agency(self, queryset, name, value):
        if value is None:
            return queryset
        if queryset.model is not ModelLogEntry:
            return queryset.none()
        commitments = _ids(Commitment.objects.filter(lead_agency=value))
        people = get_user_model().objects.filter(memberships__agency=value)
        return queryset.filter(
            Q(
                content_type=ContentType.objects.get_for_model(Commitment),
                object_id__in=commitments,
            )
            | Q(data__agency=value.pk)
            | Q(
                content_type=ContentType.objects.get_for_model(get_user_model()),
                object_id__in=_ids(people),
            )
        )

    def get_users_queryset(self):
        # Wagtail offers everyone with a log entry anywhere: only this country's people.
        return (
            get_user_model()
            .objects.filter(
                memberships__agency__country__in=coordinated_countries(user=self.request.user)
            )
            .distinct()
            .order_by("username")
        )

    def get_user_choices(self):
        return self.get_users_queryset()

    def get_action_choices(self):
        return [
            (action, label)
            for action, label in log_action_registry.get_choices()
            if not action.startswith("wagtail.comments")
        ]


class ActivityReportView(LogEntriesView):
    page_title = _("Activity")
    header_icon = "history"
    filterset_class = ActivityFilterSet
    index_url_name = "activity_report"
    index_results_url_name = "activity_report_results"

    def dispatch(self, request, *args, **kwargs):
        self.countries = coordinated_countries(user=request.user)
        if not self.countries.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        codes = "-".join(self.countries.values_list("code", flat=True)[:5])
        return f"activity-{codes}-{super().get_filename()}"

    def get_filtered_queryset(self):
        # As Wagtail's site history, but each log model is scoped to the user's country
        # instead of to the content types the user has model-wide rights on.
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                country_log_entries(log_model, self.countries)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")
