"""The demo loader writes known passwords: it refuses to run on a site with DEBUG off
unless told `--force` (which tests/conftest.py's demo fixture uses, under DEBUG off)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo import loader as demo
from stakeholders.models import Country

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo")
    assert not Country.objects.exists()
    assert not get_user_model().objects.exists()


def test_demo_password_is_only_in_the_loader():
    # The contract: demo accounts are never created outside the demo loader.
    assert demo.DEMO_PASSWORD == "demo-pass-2026"
    assert not get_user_model().objects.filter(username="admin").exists()
