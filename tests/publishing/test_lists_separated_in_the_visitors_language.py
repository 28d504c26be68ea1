"""Lists of names (a commitment's supporting agencies) are separated as the visitor's
language does: the Arabic comma "،" under /ar/, each name isolated in its direction."""

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_supporting_agencies_are_separated_by_the_arabic_comma_under_ar(
    client, ke_plan, ke_police, ke_helpline, ke_children_services
):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        supporting=[ke_helpline, ke_children_services],
    )
    path = ke_plan.url  # read before a request activates another language
    url = f"{path}commitments/{commitment.pk}/"
    arabic = client.get(f"/ar{url}").content.decode()
    english = client.get(url).content.decode()
    assert "</bdi>، <bdi" in arabic and "</bdi>, <bdi" not in arabic
    assert "</bdi>, <bdi" in english
