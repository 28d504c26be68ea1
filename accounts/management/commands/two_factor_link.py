from django.core.management.base import BaseCommand, CommandError
from django_otp import user_has_device

from ._links import add_link_arguments, find_user, hand_over_link


class Command(BaseCommand):
    help = (
        "Give a user with no authenticator yet (a new account, say) a link to set one up: "
        "printed (--link, the default) or e-mailed (--send)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        add_link_arguments(parser)

    def handle(self, *args, username, **options):
        user = find_user(username)
        if user_has_device(user, confirmed=True):
            raise CommandError(
                f"{username} has set up two-factor authentication already; "
                "`reset_two_factor --link` removes it and gives a new link."
            )
        if not options["send"]:
            options["link"] = True
        hand_over_link(self, user, **options)
