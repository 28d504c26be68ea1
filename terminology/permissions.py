"""Who may read and change the terminology list: like the frameworks, it is shared by every
country, so everyone in the admin reads it and only superusers change it."""

from home.admin_permissions import ReferenceDataPermissionPolicy

from .models import Term

term_policy = ReferenceDataPermissionPolicy(Term)
