import sys

import pytest
from django.conf import settings

from stakeholders.models import Agency, Membership

from .consultation_helpers import open_round
from .factories import AgencyFactory, CountryFactory, UserFactory, make_plan, member

MATRIX_MODULE = f"{__package__}.plans.test_permissions_matrix"
WORKER_CELLS = pytest.StashKey[int]()


def _cells_checked_here() -> int:
    """Cells the permission matrix checked in this process (none if it was not collected)."""
    module = sys.modules.get(MATRIX_MODULE)
    return len(module.CELLS_CHECKED) if module else 0


def pytest_sessionfinish(session):
    # Under pytest-xdist the matrix runs in the workers: each sends its count to the
    # controller, which prints the summary (pytest_testnodedown below).
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["permission_matrix_cells"] = _cells_checked_here()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    cells = getattr(node, "workeroutput", {}).get("permission_matrix_cells", 0)
    node.config.stash[WORKER_CELLS] = node.config.stash.get(WORKER_CELLS, 0) + cells


def pytest_terminal_summary(terminalreporter, config):
    cells = _cells_checked_here() + config.stash.get(WORKER_CELLS, 0)
    if cells:
        terminalreporter.write_line(
            f"permission matrix: {cells} cells checked through the admin URLs"
        )


def pytest_collection_modifyitems(config, items):
    """Tests on the loaded demo are marked as one group for `--dist loadgroup`, to load
    it on one worker only (`_demo_for_the_module`); pytest 9 with pytest-xdist 3.8 ignores
    the group (pytest-xdist#1386), so today each worker loads it once. Tests marked
    `postgres` need DATABASE_URL to point at PostgreSQL; they are skipped otherwise."""
    for item in items:
        if "_demo_for_the_module" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("demo"))
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs DATABASE_URL pointing at PostgreSQL")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Each test starts with an empty cache (tests build data directly, without the
    publishing that would invalidate what an earlier test cached) and in English (a
    request under /ar/ leaves Arabic active in the thread, which changes `page.url`)."""
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _client_login_passes_a_request(monkeypatch):
    """django-axes (first authentication backend) needs the request a sign-in comes with,
    and the test client's `login()` passes none: give it one from 127.0.0.1, so these
    sign-ins are throttled like real ones. `force_login()` is unaffected."""
    from django.http import HttpRequest
    from django.test.client import ClientMixin

    original = ClientMixin.login

    def login(self, **credentials):
        if "request" not in credentials:
            credentials["request"] = HttpRequest()
            credentials["request"].META["REMOTE_ADDR"] = "127.0.0.1"
        return original(self, **credentials)

    monkeypatch.setattr(ClientMixin, "login", login)


# The demo as loaded once in this process, a SQLite in-memory copy (see below).
_LOADED_DEMO = {}


def _in_memory_sqlite():
    """The raw connection of the test database when it is SQLite in memory, else None."""
    from django.db import connection

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return None
    connection.ensure_connection()
    return connection.connection


def _copy_of(raw):
    import sqlite3

    copy = sqlite3.connect(":memory:")
    raw.backup(copy)
    return copy


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker):
    """The demo, loaded for a module's tests (loading it takes a minute or more); they nest
    their own savepoints in it, and nothing it wrote reaches another module.

    On SQLite in memory (`make test`) each process loads it once and keeps a copy of the
    database: a module restores that copy, and the database as it was before, with
    SQLite's backup API, in milliseconds. Elsewhere (PostgreSQL) a module loads it inside
    an atomic block rolled back after the module. Each worker loads it once
    (see pytest_collection_modifyitems)."""
    import io

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        raw = _in_memory_sqlite()
        if raw is None:
            with transaction.atomic():
                call_command("load_demo", "--force", stdout=io.StringIO())
                yield
                transaction.set_rollback(True)
            return
        before = _copy_of(raw)
        if "database" in _LOADED_DEMO:
            _LOADED_DEMO["database"].backup(raw)
        else:
            call_command("load_demo", "--force", stdout=io.StringIO())
            _LOADED_DEMO["database"] = _copy_of(raw)
        try:
            yield
        finally:
            before.backup(raw)
            before.close()


@pytest.fixture
def demo(_demo_for_the_module, db):
    """The loaded demo, for a test that reads or changes it (its changes are undone)."""


@pytest.fixture
def kenya(db):
    return CountryFactory(code="ke", name="Kenya", default_language="en")


@pytest.fixture
def jordan(db):
    return CountryFactory(code="jo", name="Jordan", default_language="ar")


@pytest.fixture
def ke_police(kenya):
    return AgencyFactory(
        country=kenya,
        name="Anti-Human Trafficking and Child Protection Unit",
        acronym="AHTCPU",
        sector=Agency.Sector.LAW_ENFORCEMENT,
    )


@pytest.fixture
def ke_helpline(kenya):
    return AgencyFactory(
        country=kenya, name="Childline Kenya", acronym="116", sector=Agency.Sector.CHILD_HELPLINE
    )


@pytest.fixture
def ke_children_services(kenya):
    return AgencyFactory(
        country=kenya,
        name="Directorate of Children Services",
        acronym="DCS",
        sector=Agency.Sector.SOCIAL_WELFARE,
    )


@pytest.fixture
def jo_police(jordan):
    return AgencyFactory(
        country=jordan,
        name="Family and Juvenile Protection Department",
        acronym="FJPD",
        sector=Agency.Sector.LAW_ENFORCEMENT,
    )


@pytest.fixture
def superuser(db):
    user = UserFactory(username="root")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def ke_police_drafter(ke_police):
    user = UserFactory(username="ke-police-drafter")
    member(user, ke_police, Membership.Role.DRAFTER)
    return user


@pytest.fixture
def ke_coordinator(ke_children_services):
    user = UserFactory(username="ke-coord")
    member(user, ke_children_services, Membership.Role.COORDINATOR)
    return user


@pytest.fixture
def ke_education(kenya):
    return AgencyFactory(
        country=kenya, name="Ministry of Education", acronym="MoE", sector=Agency.Sector.EDUCATION
    )


@pytest.fixture
def ke_plan(kenya):
    return make_plan(kenya)


@pytest.fixture
def jo_plan(jordan):
    return make_plan(jordan)


@pytest.fixture
def ke_reviewer(ke_children_services):
    user = UserFactory(username="ke-rev")
    member(user, ke_children_services, Membership.Role.REVIEWER)
    return user


@pytest.fixture
def ke_helpline_drafter(ke_helpline):
    user = UserFactory(username="ke-helpline-drafter")
    member(user, ke_helpline, Membership.Role.DRAFTER)
    return user


@pytest.fixture
def jo_coordinator(jo_police):
    user = UserFactory(username="jo-coord")
    member(user, jo_police, Membership.Role.COORDINATOR)
    return user


@pytest.fixture
def ke_round(ke_plan, ke_police, ke_coordinator):
    """An open consultation round on Kenya's plan, consulting the police unit only."""
    return open_round(ke_plan, [ke_police])
