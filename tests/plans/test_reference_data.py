import pytest

from plans.models import Capability, Domain, Framework, InspireStrategy

pytestmark = pytest.mark.django_db

EXPECTED_DOMAINS = {
    "Policy and governance": [1, 2, 3],
    "Criminal justice": [4, 5, 6, 7],
    "Victim": [8, 9, 10, 11],
    "Societal": [12, 13, 14, 15],
    "Industry": [16, 17, 18, 19],
    "Media and communications": [20, 21],
}


def test_mnr_2016_has_21_capabilities_in_6_ordered_domains():
    mnr = Framework.objects.get(code="MNR-2016")
    domains = list(Domain.objects.filter(framework=mnr).order_by("number"))
    assert [d.name for d in domains] == list(EXPECTED_DOMAINS)
    assert [d.number for d in domains] == [1, 2, 3, 4, 5, 6]
    for domain in domains:
        numbers = list(domain.capabilities.order_by("number").values_list("number", flat=True))
        assert numbers == EXPECTED_DOMAINS[domain.name]
    assert Capability.objects.filter(framework=mnr).count() == 21


@pytest.mark.parametrize(
    ("number", "name", "domain"),
    [
        (1, "Leadership", "Policy and governance"),
        (4, "Dedicated law enforcement", "Criminal justice"),
        (5, "Judiciary and prosecutors", "Criminal justice"),
        (7, "Access to image databases", "Criminal justice"),
        (8, "End-to-end support", "Victim"),
        (9, "Child protection workforce", "Victim"),
        (11, "Child helpline", "Victim"),
        (12, "CSEA hotline", "Societal"),
        (13, "Education programme", "Societal"),
        (16, "Takedown procedures", "Industry"),
        (21, "Universal terminology", "Media and communications"),
    ],
)
def test_capability_numbering_and_domain(number, name, domain):
    capability = Capability.objects.get(framework__code="MNR-2016", number=number)
    assert capability.name == name
    assert capability.domain.name == domain
    assert capability.description, "every capability explains itself"
    assert str(capability) == f"{number}. {name}"


def test_seven_inspire_strategies_in_order():
    names = list(
        InspireStrategy.objects.filter(framework__code="INSPIRE")
        .order_by("number")
        .values_list("letter", "name")
    )
    assert names == [
        ("I", "Implementation and enforcement of laws"),
        ("N", "Norms and values"),
        ("S", "Safe environments"),
        ("P", "Parent and caregiver support"),
        ("I", "Income and economic strengthening"),
        ("R", "Response and support services"),
        ("E", "Education and life skills"),
    ]
