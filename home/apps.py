from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        # Wagtail's admin views exist only once the apps are loaded.
        from django.core import checks

        from .sites import check_site_host
        from .spreadsheets import protect_wagtail_exports

        protect_wagtail_exports()
        checks.register(check_site_host, checks.Tags.database)
