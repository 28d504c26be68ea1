import pytest

from terminology.checker import AVOID
from terminology.models import Term


@pytest.fixture
def avoid_terms(db):
    """Every term to avoid of the reference list, as the data migration loaded it."""
    terms = list(Term.objects.filter(kind=AVOID, active=True))
    assert len(terms) >= 7
    return terms
