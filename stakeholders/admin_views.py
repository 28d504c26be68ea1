"""Admin views for the registry: saved through the services, scoped to the user's country."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from reversion.models import Version
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from home.admin_pages import HeadedAdminPageMixin
from home.admin_permissions import InstancePermissionViewMixin, VisibleInstancesIndexMixin

from . import history, permissions, services
from .forms import InvitationForm


class ServiceSaveMixin:
    """Create/edit view that saves via `save(instance, actor=...)` instead of `form.save()`.

    The services write the audit log, so every path (admin, demo loader, shell) logs once.
    """

    def save(self, instance, *, actor):
        raise NotImplementedError

    def save_instance(self):
        return self.save(self.form.instance, actor=self.request.user)


class VersionsButtonMixin:
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        url = reverse("stakeholder_versions", args=[self.model._meta.model_name, self.object.pk])
        buttons.append(Button(_("Versions"), url=url, icon_name="history", priority=40))
        return buttons


class CountrySaveMixin(ServiceSaveMixin):
    def save(self, instance, *, actor):
        return services.country_save(country=instance, actor=actor)


class AgencySaveMixin(ServiceSaveMixin):
    def save(self, instance, *, actor):
        return services.agency_save(agency=instance, actor=actor)


class MembershipSaveMixin(ServiceSaveMixin):
    def save(self, instance, *, actor):
        return services.membership_save(membership=instance, actor=actor)


class ScopedIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    pass


class ScopedInspectView(VersionsButtonMixin, InstancePermissionViewMixin, generic.InspectView):
    object_action = "view"


class ScopedHistoryView(InstancePermissionViewMixin, generic.HistoryView):
    object_action = "view"


class ScopedUsageView(InstancePermissionViewMixin, generic.UsageView):
    object_action = "view"


class CountryCreateView(CountrySaveMixin, generic.CreateView):
    pass


class CountryEditView(
    VersionsButtonMixin, InstancePermissionViewMixin, CountrySaveMixin, generic.EditView
):
    object_action = "change"


class AgencyCreateView(AgencySaveMixin, generic.CreateView):
    pass


class AgencyEditView(
    VersionsButtonMixin, InstancePermissionViewMixin, AgencySaveMixin, generic.EditView
):
    object_action = "change"


class MembershipCreateView(MembershipSaveMixin, generic.CreateView):
    pass


class MembershipEditView(
    VersionsButtonMixin, InstancePermissionViewMixin, MembershipSaveMixin, generic.EditView
):
    object_action = "change"


class MembershipDeleteView(InstancePermissionViewMixin, generic.DeleteView):
    object_action = "delete"

    def delete_action(self):
        services.membership_delete(membership=self.object, actor=self.request.user)


# --- django-reversion history of one object, with revert ----------------------------


class VersionsView(HeadedAdminPageMixin, TemplateView):
    """Who changed what and when, field by field; revert for those who may change it."""

    template_name = "stakeholders/admin/versions.html"
    header_icon = "history"

    def dispatch(self, request, model_name, pk, version_id=None):
        self.model = history.model_for(model_name)
        self.object = get_object_or_404(self.model, pk=pk)
        if not history.user_can_view_versions(user=request.user, instance=self.object):
            raise PermissionDenied
        self.version_id = version_id
        return super().dispatch(request)

    def get_page_title(self):
        return _("Versions of %(object)s") % {"object": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["versions"] = history.versions_with_changes(self.object)
        context["can_revert"] = history.user_can_revert(
            user=self.request.user, instance=self.object
        )
        context["model_name"] = self.model._meta.model_name
        return context

    def post(self, request):
        if not history.user_can_revert(user=request.user, instance=self.object):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(self.object), pk=self.version_id)
        history.revert(instance=self.object, version=version, actor=request.user)
        messages.success(
            request,
            _("Reverted to the version of %(date)s.")
            % {"date": version.revision.date_created.strftime("%Y-%m-%d %H:%M")},
        )
        return redirect("stakeholder_versions", self.model._meta.model_name, self.object.pk)


# --- Inviting a person to one of the country's agencies ------------------------------


class InviteView(WagtailAdminTemplateMixin, FormView):
    """A coordinator brings a new person in: an account, a membership, a set-password
    e-mail. Who may be given which role is `permissions.membership_refusal`'s answer."""

    template_name = "stakeholders/admin/invite.html"
    form_class = InvitationForm
    page_title = _("Invite a person")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.coordinates_any_country(user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("memberships:index"), "label": _("Memberships")},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def form_valid(self, form):
        try:
            membership = services.person_invite(actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "%(email)s is invited as %(role)s of %(agency)s and gets an e-mail to "
                "choose a password."
            )
            % {
                "email": membership.user.email,
                "role": membership.get_role_display(),
                "agency": membership.agency,
            },
        )
        return redirect("memberships:index")
