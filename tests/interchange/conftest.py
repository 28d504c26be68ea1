import datetime
import hashlib

import pytest

from demo.countries import COUNTRIES
from publishing.models import AnnualReportFile
from stakeholders import services as stakeholder_services
from tracking import services as tracking_services

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
    return make_plan(kenya, capabilities=DEMO_CAPABILITIES)


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def open_year(plan, year):
    """A calendar-year reporting period of `plan`, opened by the system."""
    return tracking_services.reporting_period_open(
        actor=None,
        plan=plan,
        title=str(year),
        slug=str(year),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        deadline=datetime.date(year + 1, 1, 31),
    )


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
