"""Anonymous hits on cached public pages, answered right after WhiteNoise from the cache
alone: see `publishing.caching`, "The fast path"."""

from . import caching


class FastPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = caching.fast_path_response(request)
        if response is not None:
            return response
        response = self.get_response(request)
        caching.remember_for_fast_path(request, response)
        return response
