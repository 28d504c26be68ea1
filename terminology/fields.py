from django.db import models
from django.utils.translation import gettext_lazy as _


def quotations_field():
    """Where a drafter lists passages that quote a term to avoid, word for word.

    One field on the object, not a marker in its text: the public text stays exactly as
    written, the list is versioned with the object's revisions, and reviewers read it.
    """
    return models.TextField(
        _("accepted quotations"),
        blank=True,
        help_text=_(
            "Passages quoted word for word in which a term to avoid is accepted, one a line: "
            "e.g. a law's official title such as “Anti-Child Pornography Act of 2009”. "
            "Reviewers see this list."
        ),
    )
