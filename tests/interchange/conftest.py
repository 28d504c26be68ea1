import hashlib

import pytest

from demo.countries import COUNTRIES
from demo.results import add_demo_results_chain
from publishing.models import AnnualReportFile
from stakeholders import services as stakeholder_services

from ..factories import AgencyFactory, make_plan

SAMPLE = "interchange/import_templates/sample-plan.csv"
# The demo's Kenya plan has these sections; the sample is written for it.
DEMO_CAPABILITIES = (1, 4, 5, 8, 9, 11, 13, 21)


@pytest.fixture
def ke_agencies(kenya, ke_police, ke_helpline, ke_children_services):
    """Kenya's demo agencies, under their demo names: what the sample file refers to."""
    spec = next(c for c in COUNTRIES if c.code == "ke")
    existing = {a.acronym: a for a in (ke_police, ke_helpline, ke_children_services)}
    agencies = {}
    for demo in spec.agencies:
        agency = existing.get(demo.acronym)
        if agency is None:
            agency = AgencyFactory(
                country=kenya, name=demo.name, acronym=demo.acronym, sector=demo.sector
            )
        elif agency.name != demo.name:
            agency.name = demo.name
            stakeholder_services.agency_save(agency=agency)
        agencies[demo.acronym] = agency
    return agencies


@pytest.fixture
def ke_demo_plan(kenya, ke_agencies):
    """Kenya's plan as the demo has it: its sections, and its published results chain (an
    output per capability, "4. Dedicated law enforcement"), which the sample names."""
    plan = make_plan(kenya, capabilities=DEMO_CAPABILITIES)
    add_demo_results_chain(plan, "en")
    return type(plan).objects.get(pk=plan.pk)


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def ke_chain_plan(ke_demo_plan, ke_agencies):
    """Kenya's plan with a published results chain: two outcomes, outputs under them
    (one output title under both, as plans sometimes have)."""
    from plans import services as plan_services

    plan_services.plan_results_chain_set(
        actor=None,
        plan=ke_demo_plan,
        goal="Children are safe online",
        outcomes=[
            {
                "title": "Offenders are identified, investigated and prosecuted",
                "outputs": [{"title": "Investigators trained"}, {"title": "Guidelines in use"}],
            },
            {
                "title": "Children who are harmed reach help",
                "outputs": [
                    {"title": "Helpline answers online abuse"},
                    {"title": "Guidelines in use"},
                ],
            },
        ],
        publish=True,
    )
    return type(ke_demo_plan).objects.get(pk=ke_demo_plan.pk)


def store_report_file(report, content: bytes, *, kind="pdf", language="en"):
    """A file of an annual report as the renderer would have stored it (without the seconds
    WeasyPrint takes): what a bundle must carry byte for byte."""
    return AnnualReportFile.objects.create(
        report=report,
        language=language,
        kind=kind,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
    )
