from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Public site"

    def ready(self):
        from . import receivers  # signals are connected once the models are loaded

        receivers.connect()
