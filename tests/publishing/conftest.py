"""Fixtures shared by the publishing tests."""

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
