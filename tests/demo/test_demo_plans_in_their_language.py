"""The demo's plans are written in their country's language (Jordan Arabic, Peru Spanish,
Tanzania Swahili, Kenya and the Philippines English); Jordan's and Peru's have a published
English translation, of the page, its sections and its commitments."""

import json
from html import escape

import pytest

from demo import content


@pytest.mark.django_db
def test_each_plan_in_its_language_and_jordan_and_peru_in_english_too(demo, client):
    for code, language in {"jo": "ar", "pe": "es", "tz": "sw", "ke": "en", "ph": "en"}.items():
        spec = content.plan_content(code)
        path = f"/plans/{code}-{spec.period[0]}-{spec.period[1]}/"
        exported = json.loads(client.get(f"{path}export.json").content)
        assert exported["language"] == language, code
        original = client.get(f"/{language}{path}" if language != "en" else path)
        first = next(item for item in spec.commitments if not item.internal)
        assert escape(spec.title[language]) in original.content.decode()
        assert escape(first.title[language]) in original.content.decode()

    for code in ("jo", "pe"):
        spec = content.plan_content(code)
        path = f"/plans/{code}-{spec.period[0]}-{spec.period[1]}/"
        html = client.get(path).content.decode()
        first = next(item for item in spec.commitments if not item.internal)
        assert escape(spec.title["en"]) in html
        assert escape(spec.sections[0].objective["en"]) in html
        assert escape(spec.sections[0].objective[spec.language]) not in html
        assert escape(first.title["en"]) in html
        assert "no English translation yet" not in html
