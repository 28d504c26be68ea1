import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from reversion.models import Version

from stakeholders.models import Agency, Country, Membership

pytestmark = pytest.mark.django_db

CODES = ["jo", "ke", "pe", "ph", "tz"]


def counts():
    return (
        Country.objects.count(),
        Agency.objects.count(),
        Membership.objects.count(),
        Group.objects.count(),
        get_user_model().objects.count(),
        Version.objects.count(),
    )


def test_load_demo_is_idempotent(demo, settings, capsys):
    settings.DEBUG = True
    first = counts()
    call_command("load_demo")
    assert counts() == first
    out = capsys.readouterr().out
    assert "demo-pass-2026" in out
    assert "tz-helpline-head" in out


def test_demo_has_five_countries_with_police_and_helpline(demo):
    assert sorted(Country.objects.values_list("code", flat=True)) == CODES
    for country in Country.objects.all():
        agencies = country.agencies.all()
        assert 6 <= agencies.count() <= 10, country
        sectors = set(agencies.values_list("sector", flat=True))
        assert Agency.Sector.LAW_ENFORCEMENT in sectors
        assert Agency.Sector.CHILD_HELPLINE in sectors


def test_demo_accounts_of_the_contract_can_log_in(demo, client):
    for code in CODES:
        for suffix in ("coordinator", "reviewer", "police", "helpline"):
            username = f"{code}-{suffix}"
            assert client.login(username=username, password="demo-pass-2026"), username
            assert client.get("/admin/").status_code == 200
            client.logout()


def test_demo_roles_are_where_the_contract_says(demo):
    User = get_user_model()
    ke_police = User.objects.get(username="ke-police").memberships.get()
    assert ke_police.role == Membership.Role.DRAFTER
    assert ke_police.agency.sector == Agency.Sector.LAW_ENFORCEMENT
    assert ke_police.agency.country.code == "ke"
    helpline = User.objects.get(username="ph-helpline").memberships.get()
    assert helpline.agency.sector == Agency.Sector.CHILD_HELPLINE
    head = User.objects.get(username="tz-police-head").memberships.get()
    assert head.role == Membership.Role.HEAD
    assert head.agency.sector == Agency.Sector.LAW_ENFORCEMENT
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.filter(username__startswith="jo-", is_superuser=True).exists()
