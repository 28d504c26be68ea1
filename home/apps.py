from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        # Wagtail's admin views exist only once the apps are loaded.
        from django.core import checks

        from .sites import after_migrate, check_site_host
        from .spreadsheets import protect_wagtail_exports

        protect_wagtail_exports()
        # The site's real host replaces the placeholder the first migration made.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="home.sites")
        checks.register(check_site_host, checks.Tags.database)
