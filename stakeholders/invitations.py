"""The invitation e-mail: who invited whom to which agency, and a link to set a password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator

from home.mail import send_templated_mail, user_token_link

from .models import Membership


def set_password_url(user) -> str:
    """Wagtail's own password-reset confirmation: the link dies once a password is set."""
    return user_token_link(
        "wagtailadmin_password_reset_confirm", user=user, token_generator=default_token_generator
    )


def send_invitation(*, membership_id, inviter_id=None) -> int:
    membership = Membership.objects.select_related("user", "agency__country").get(pk=membership_id)
    inviter = get_user_model().objects.filter(pk=inviter_id).first() if inviter_id else None
    return send_templated_mail(
        "stakeholders/email/invitation",
        to=membership.user.email,
        context={
            "membership": membership,
            "inviter": inviter,
            "url": set_password_url(membership.user),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        },
    )
