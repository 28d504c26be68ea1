"""Every sign-in, failed sign-in and lock-out goes to the audit log (see audit.py)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .audit import LOCKED_OUT, LOGIN, LOGIN_FAILED, find_user, log_account_event


@receiver(user_logged_in, dispatch_uid="accounts_log_login")
def log_login(sender, request, user, **kwargs):
    log_account_event(LOGIN, account=user, request=request, by=user)


@receiver(user_login_failed, dispatch_uid="accounts_log_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the username is read.
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    log_account_event(LOGIN_FAILED, account=find_user(username), request=request)


@receiver(user_locked_out, dispatch_uid="accounts_log_locked_out")
def log_locked_out(sender, request, username, ip_address, **kwargs):
    log_account_event(LOCKED_OUT, account=find_user(username), request=request)
