"""On PostgreSQL, public search uses its full-text engine: word forms match."""

import re

import pytest
from django.db import connection

from ..factories import make_commitment

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_postgres_full_text_search_matches_word_forms(client, ke_plan, ke_police):
    assert connection.vendor == "postgresql"
    make_commitment(ke_plan, ke_police, title="Training investigators in victim identification")
    make_commitment(ke_plan, ke_police, title="Helpline hours", capability=11)
    html = client.get("/search/", {"q": "trained investigator"}).content.decode()
    html = re.sub(r"</?mark>", "", html)  # the matched words are marked
    assert "Training investigators in victim identification" in html
    assert "Helpline hours" not in html


def test_a_misspelling_still_finds_what_was_meant(client, ke_plan, ke_police):
    assert connection.vendor == "postgresql"
    make_commitment(ke_plan, ke_police, title="Agree a standard procedure for helpline referrals")
    make_commitment(ke_plan, ke_police, title="Helpline hours", capability=11)
    html = client.get("/search/", {"q": "referal"}).content.decode()
    html = re.sub(r"</?mark>", "", html)
    assert "standard procedure for helpline referrals" in html
    assert "spelled similarly" in html
    assert "Helpline hours" not in html
