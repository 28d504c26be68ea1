"""The one admin action of the public site: closing a reporting period, which publishes
its annual progress report (the period itself is run from tracking's admin)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from tracking.models import ReportingPeriod
from tracking.permissions import reporting_period_policy

from . import annual_reports

CLOSED_MESSAGE = _(
    "“%(period)s” is closed. Its annual progress report is being made and will be on the "
    "plan page under “Annual progress reports”."
)


@require_POST
def close_period(request, pk):
    period = get_object_or_404(ReportingPeriod, pk=pk)
    if not reporting_period_policy.user_has_permission_for_instance(request.user, "view", period):
        raise PermissionDenied
    if not reporting_period_policy.user_has_permission_for_instance(request.user, "close", period):
        messages.error(request, _("You may not close this reporting period."))
        return redirect("reporting_periods:inspect", period.pk)
    try:
        annual_reports.period_close(actor=request.user, period=period)
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", None) or [str(error)]:
            messages.error(request, message)
    else:
        messages.success(request, CLOSED_MESSAGE % {"period": period.title})
    return redirect("reporting_periods:inspect", period.pk)
