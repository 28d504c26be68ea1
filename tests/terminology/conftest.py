import pytest

from terminology.checker import AVOID
from terminology.models import Term


@pytest.fixture
def avoid_terms(db):
    """Every English term to avoid of the reference list, as the data migration loaded it."""
    terms = list(Term.objects.filter(kind=AVOID, active=True, language="en"))
    assert len(terms) >= 7
    return terms
