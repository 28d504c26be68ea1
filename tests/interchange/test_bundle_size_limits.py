"""A bundle's members are read only up to their limits: no zip bomb gets past the upload limit."""

import zipfile

import pytest
from django.core.management import call_command

from interchange.bundle_archive import (
    MAX_DATA_BYTES,
    MEMBER_CORRUPTED,
    MEMBER_TOO_LARGE,
    format_size,
)

from .test_bundle_hostile_input import bundle, craft, document_member, members, refused

pytestmark = pytest.mark.django_db
__all__ = ["bundle"]  # the fixture


def declare_size(path, name: str, size: int) -> None:
    """Make the zip's headers say `name` unpacks to `size` bytes, whatever it holds."""
    content = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name).header_offset
    assert content[local : local + 4] == b"PK\x03\x04"
    content[local + 22 : local + 26] = size.to_bytes(4, "little")
    position = content.find(b"PK\x01\x02")
    while position >= 0:
        length = int.from_bytes(content[position + 28 : position + 30], "little")
        if content[position + 46 : position + 46 + length] == name.encode():
            content[position + 24 : position + 28] = size.to_bytes(4, "little")
            break
        position = content.find(b"PK\x01\x02", position + 4)
    else:
        raise AssertionError(f"{name} is not in the central directory")
    path.write_bytes(content)


def test_an_evidence_file_over_the_upload_limit_is_refused(bundle, tmp_path, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 64 * 1024
    member = document_member(bundle)
    # 1 MB of zeros: a few KB in the zip, like any zip bomb.
    path = craft(bundle, tmp_path / "bomb.zip", replace={member: bytes(1024 * 1024)})
    assert path.stat().st_size < 64 * 1024
    message = MEMBER_TOO_LARGE % {
        "name": member,
        "size": format_size(1024 * 1024),
        "what": "an evidence file",
        "limit": format_size(64 * 1024),
    }
    assert refused(path) == message


def test_a_data_json_declaring_more_than_its_limit_is_refused_before_reading(bundle, tmp_path):
    path = craft(bundle, tmp_path / "bomb.zip")
    declare_size(path, "data.json", 300 * 1024 * 1024)
    message = MEMBER_TOO_LARGE % {
        "name": "data.json",
        "size": format_size(300 * 1024 * 1024),
        "what": "data.json",
        "limit": format_size(MAX_DATA_BYTES),
    }
    assert refused(path) == message


@pytest.mark.parametrize("name", ["data.json", "manifest.json", "document"])
def test_a_member_unpacking_to_more_than_it_declares_is_refused(bundle, tmp_path, name):
    path = craft(bundle, tmp_path / "lying.zip")
    if name == "document":
        name = document_member(path)
    declare_size(path, name, 10)
    message = MEMBER_CORRUPTED % {"name": name, "error": f"Bad CRC-32 for file {name!r}"}
    assert refused(path) == message


def test_an_evidence_file_at_the_upload_limit_imports(bundle, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = len(members(bundle)[document_member(bundle)])
    call_command("import_plan_bundle", str(bundle))
