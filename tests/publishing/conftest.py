"""Fixtures shared by the publishing tests."""

import csv
import io

import pytest

from bench.data import World


@pytest.fixture
def world(kenya, ke_plan, ke_coordinator, ke_children_services, ke_police, ke_helpline):
    """Kenya's plan and three agencies, to be filled as `make bench` fills it
    (`bench.data.fill_plan`), for the query-count tests at two sizes."""
    return World(
        country=kenya,
        plan=ke_plan,
        agencies=[ke_children_services, ke_police, ke_helpline],
        coordinator=ke_coordinator,
        drafters=[],
    )


@pytest.fixture
def compare_csv(client):
    """Reads `/compare/export.csv` as an anonymous visitor: `{(country, capability number):
    row}`, each row a dict by column name."""

    def read():
        response = client.get("/compare/export.csv")
        assert response.status_code == 200
        rows = csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff")))
        return {(row["country"], int(row["capability_number"])): row for row in rows}

    return read
