"""Language prefix and switcher links for the public templates."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

DEFAULT = settings.LANGUAGE_CODE
PREFIXED = [code for code, _name in settings.LANGUAGES if code != DEFAULT]


def _unprefixed(path: str) -> str:
    for code in PREFIXED:
        if path == f"/{code}" or path.startswith(f"/{code}/"):
            return path[len(code) + 1 :] or "/"
    return path


def languages(request):
    current = get_language() or DEFAULT
    path = _unprefixed(request.path)
    links = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": path if code == DEFAULT else f"/{code}{path}",
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"lang_prefix": "" if current == DEFAULT else f"/{current}", "language_links": links}
