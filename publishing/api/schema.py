"""The schema generator: the API's own URLs only, wherever a schema is generated (the
`/api/schema/` view, `manage.py spectacular`, drf-spectacular's `check --deploy` check),
never Wagtail's /api/v2/ or the admin's endpoints, which are not part of this API."""

from drf_spectacular.generators import SchemaGenerator

URLCONF = "publishing.api.urls"


class APISchemaGenerator(SchemaGenerator):
    def __init__(self, *args, urlconf=None, **kwargs):
        super().__init__(*args, urlconf=urlconf or URLCONF, **kwargs)
