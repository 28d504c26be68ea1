"""Admin views: the terminology list, saved with versions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button

from home.admin_pages import HeadedAdminPageMixin
from stakeholders import history

from . import services
from .models import Term
from .permissions import term_policy


class TermSaveMixin:
    def save_instance(self):
        return services.term_save(term=self.form.instance, actor=self.request.user)


class TermVersionsButtonMixin:
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        url = reverse("terminology_term_versions", args=[self.object.pk])
        buttons.append(Button(_("Versions"), url=url, icon_name="history", priority=40))
        return buttons


class TermCreateView(TermSaveMixin, generic.CreateView):
    pass


class TermEditView(TermVersionsButtonMixin, TermSaveMixin, generic.EditView):
    pass


class TermVersionsView(HeadedAdminPageMixin, TemplateView):
    """Every version of a term (django-reversion): who changed what, when."""

    template_name = "stakeholders/admin/versions.html"
    header_icon = "history"

    def dispatch(self, request, pk):
        self.object = get_object_or_404(Term, pk=pk)
        if not term_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_title(self):
        return _("Versions of %(object)s") % {"object": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            versions=history.versions_with_changes(self.object),
            can_revert=False,  # a superuser edits the term back; that is a new version
            model_name="term",
        )
        return context
