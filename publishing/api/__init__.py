"""The described read API at /api/v1/ (Django REST framework, OpenAPI 3 by drf-spectacular).

Read-only, public data only: every queryset starts from `publishing.selectors`, which
starts from `plans.selectors.published_plans()` and `public_commitment_rows()`, the rules
the public pages read through. Nothing here decides what the public may see.
"""
