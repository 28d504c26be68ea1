"""What reset_two_factor and two_factor_link share: finding the user, handing a link over."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from accounts import enrolment


def find_user(username):
    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    if user is None:
        raise CommandError(f"No user called {username!r}.")
    return user


def add_link_arguments(parser):
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--link",
        action="store_true",
        help="Print a set-up link to hand over in person or by telephone (for people with "
        "no e-mail address). Whoever has it and the password can set up the second factor.",
    )
    group.add_argument(
        "--send", action="store_true", help="E-mail a set-up link to the account's address."
    )


def hand_over_link(command, user, *, link=False, send=False, **options):
    if not (link or send):
        return
    if not user.is_active:
        raise CommandError(f"{user.get_username()} is deactivated: no link.")
    if send:
        if not user.email:
            raise CommandError(f"{user.get_username()} has no e-mail address: use --link.")
        enrolment.request_link(user, reason="an administrator")
        command.stdout.write(f"Set-up link e-mailed to {enrolment.mask_email(user.email)}.")
        return
    url = enrolment.print_link(user)
    minutes = settings.TWO_FACTOR_LINK_TIMEOUT // 60
    command.stdout.write(
        f"Set-up link for {user.get_username()} (works once, for {minutes} minutes, "
        f"opened while signed in as them):"
    )
    command.stdout.write(url)
