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
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from .audit import OTP_FAILED, OTP_SETUP, OTP_VERIFIED, log_account_event
from .forms import TokenForm
from .permissions import has_two_factor, two_factor_required

DEVICE_NAME = "Authenticator app"


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
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _throttled_message(device)
        if error is None and device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _mark_verified(request, device)
            log_account_event(OTP_SETUP, account=user, request=request, by=user)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request))
        log_account_event(OTP_FAILED, account=user, request=request, by=user, during="setup")
        form.add_error("token", error or _("That code is not right. Try the current one."))
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
        form.add_error("token", throttled or _("That code is not right. Try the current one."))
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
