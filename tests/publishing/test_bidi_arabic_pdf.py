"""The Arabic PDF (export.pdf under /ar/) reads right to left with its English names,
dates and figures in order: the period start–end (not "2029–2025"), an English title,
sentence and agency name whole with their full stops and hyphens where English puts them,
each Arabic date whole, and Arabic set in an Arabic font (Noto), shaped, whose text extracts.

pypdf gives the text of each run in the order it is drawn: an English run drawn left to
right reads as written; an Arabic line comes out with its digits where they are drawn."""

import datetime
import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from plans.models import NationalPlanPage

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

TITLE = "Kenya: National Plan of Action 2025–2029"


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline):
    page = NationalPlanPage.objects.get(pk=ke_plan.pk)
    page.title = TITLE
    page.summary = "<p>Every child in Kenya is safe online.</p>"
    page.save_revision().publish()
    make_commitment(
        ke_plan,
        ke_police,
        title="Agree a referral procedure",
        supporting=[ke_helpline],
        start_date=datetime.date(2022, 5, 1),
        due_date=datetime.date(2023, 5, 1),
        progress=70,
    )
    return NationalPlanPage.objects.get(pk=ke_plan.pk)


@pytest.fixture
def reader(client, plan):
    response = client.get(f"/ar{plan.url}export.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


@pytest.fixture
def text(reader):
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_period_reads_start_to_end(text):
    assert TITLE in text  # the English title, isolated: "2025–2029" after "Action"
    assert "2025–2029 ·" in text or "· 2025–2029" in text  # the cover's period
    assert "2029–2025" not in text


def test_english_names_and_sentences_keep_their_full_stops_and_hyphens(text):
    assert "Every child in Kenya is safe online." in text
    assert ".Every child" not in text
    # Laid out right to left, "Anti-Human" was drawn "-Human ... Anti" across a line.
    assert "Anti-Human Trafficking and Child Protection Unit" in text
    # (pypdf turns brackets drawn in an English run after Arabic: "(116)" extracts as
    # ")116(", so the screenshots, not this text, show that they are right.)


def test_each_arabic_date_stays_whole(text):
    # "1 مايو 2023" (1 May 2023): its parts side by side, with nothing else between them,
    # in the order written or in the order drawn.
    for day, month, year in (("1", "مايو", "2022"), ("1", "مايو", "2023")):
        written = rf"(?<!\d){day} ?{month} ?{year}(?!\d)"
        drawn = rf"(?<!\d){year} ?{month} ?{day}(?!\d)"
        assert re.search(written, text) or re.search(drawn, text), (day, month, year)
    assert "70%" in text and "%70" not in text


def test_arabic_is_set_in_an_arabic_font_and_extracts(reader, text):
    with translation.override("ar"):
        contents = translation.gettext("Contents")
        overdue = translation.gettext("Overdue")
    assert re.search("[\u0600-\u06ff]", contents)  # the interface is translated
    assert contents in text and overdue in text
    # Real letters, not presentation forms: the font shaped them, the PDF maps them back.
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Arabic" in name and "Noto" in name for name in fonts), fonts
