"""PostgreSQL's pg_trgm: the public search's tolerant matching (misspellings) uses it.

Django's operation does nothing on other databases (SQLite matches word prefixes instead,
see publishing/search.py). pg_trgm is a trusted extension: the database's owner may
create it."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0005_queued_task")]

    operations = [TrigramExtension()]
