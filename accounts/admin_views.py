"""Setting up an authenticator app (TOTP) and entering its code after signing in."""

from base64 import b32encode
from math import ceil
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from . import enrolment
from .audit import OTP_FAILED, OTP_LINK_REFUSED, OTP_VERIFIED, log_account_event
from .forms import TokenForm
from .permissions import has_two_factor, two_factor_required

CODE_WRONG = gettext_lazy("That code is not right. Try the current one.")


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _redirect_with_next(url_name, request):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': _next_url(request)})}")


def _mark_verified(request, device):
    # A new session key once the second factor is in, as Django does at sign-in.
    request.session.cycle_key()
    django_otp.login(request, device)


def _throttled_message(device):
    allowed, data = device.verify_is_allowed()
    if allowed:
        return None
    until = (data or {}).get("locked_until")
    if until:
        wait = max(1, int((until - timezone.now()).total_seconds()))
        return _("Too many wrong codes. Wait %(seconds)s seconds and try again.") % {
            "seconds": wait
        }
    return _("Too many wrong codes. Wait a little and try again.")


def setup(request):
    user = request.user
    if has_two_factor(user):
        if not user.is_verified():
            return _redirect_with_next("accounts_two_factor_verify", request)
        return TemplateResponse(request, "accounts/two_factor_on.html", {})
    enrolment.discard_unconfirmed(user)
    device = enrolment.candidate(request)
    if device is None:
        return _link_page(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if enrolment.confirm(request, device, form.cleaned_data["token"]):
            _mark_verified(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request))
        log_account_event(OTP_FAILED, account=user, request=request, by=user, during="setup")
        form.add_error("token", CODE_WRONG)
    uri = device.config_url
    context = {
        "form": form,
        "secret": b32encode(device.bin_key).decode(),
        "otpauth_uri": uri,
        "qr_svg": segno.make(uri, error="m").svg_inline(scale=4, title=_("QR code to scan")),
        "next": _next_url(request),
        "required": two_factor_required(user),
    }
    return TemplateResponse(request, "accounts/two_factor_setup.html", context)


def _link_page(request):
    """No key without the e-mailed link: send it (once an hour unless asked), say where."""
    user = request.user
    if user.email:
        if request.method == "POST" and "send" in request.POST:
            refusal = enrolment.resend_refusal(user)
            if refusal:
                messages.error(request, refusal)
            else:
                enrolment.request_link(user, request=request, reason="asked again")
                messages.success(
                    request,
                    enrolment.LINK_ON_ITS_WAY % {"address": enrolment.mask_email(user.email)},
                )
            return _redirect_with_next("accounts_two_factor_setup", request)
        if not enrolment.has_live_link(user):
            enrolment.request_link(user, request=request, reason="set-up page")
    context = {
        "address": enrolment.mask_email(user.email) if user.email else "",
        "minutes": settings.TWO_FACTOR_LINK_TIMEOUT // 60,
        "next": _next_url(request),
        "required": two_factor_required(user),
    }
    return TemplateResponse(request, "accounts/two_factor_link_sent.html", context)


def link(request, uidb64, token):
    """The e-mailed link: good only for its own user, once, while nothing has changed."""
    user = request.user
    if has_two_factor(user):
        return redirect("accounts_two_factor_setup")
    owner = enrolment.user_for_link(uidb64, token)
    if owner is None or owner.pk != user.pk:
        log_account_event(OTP_LINK_REFUSED, account=user, request=request, by=user)
        messages.error(request, enrolment.LINK_INVALID)
        return redirect("accounts_two_factor_setup")
    enrolment.start(request, user)
    # The page's address has no token: it cannot leak from the history or a Referer.
    return redirect("accounts_two_factor_setup")


def verify(request):
    user = request.user
    devices = list(devices_for_user(user, confirmed=True))
    if not devices:
        return _redirect_with_next("accounts_two_factor_setup", request)
    if user.is_verified():
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Locked rows: two requests cannot both use the same code.
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            errors = [_throttled_message(device) for device in devices]
            accepted = next(
                (
                    device
                    for device, error in zip(devices, errors, strict=True)
                    if error is None and device.verify_token(form.cleaned_data["token"])
                ),
                None,
            )
        if accepted is not None:
            _mark_verified(request, accepted)
            log_account_event(OTP_VERIFIED, account=user, request=request, by=user)
            return redirect(_next_url(request))
        log_account_event(OTP_FAILED, account=user, request=request, by=user, during="verify")
        throttled = next((error for error in errors if error), None)
        form.add_error("token", throttled or CODE_WRONG)
    return TemplateResponse(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


class LogoutView(WagtailLogoutView):
    """Wagtail's sign-out, for a POST only.

    Wagtail's own view deletes the session cookie and says "logged out" after Django's
    view has answered, whatever that answer was: a GET got a 405 and still lost its
    cookie, so any page could sign people out with an <img>. Anything but a POST now
    gets Django's answer (405, or the OPTIONS reply) and nothing else.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            # Still a 405, with a page that says how to sign out instead of a blank one.
            response = TemplateResponse(
                request, "accounts/sign_out.html", {"page_title": _("Sign out")}, status=405
            )
            response["Allow"] = "POST, OPTIONS"
            return response
        if request.method != "POST":
            return super(WagtailLogoutView, self).dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE)."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(
        request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
