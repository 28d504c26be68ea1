from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from . import focal, receivers  # signals are connected once the models are loaded

        receivers.connect()
        focal.connect()
