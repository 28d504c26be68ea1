"""Admin views that save through the services, so the admin keeps groups and history right."""

from wagtail.admin.views import generic
from wagtail.log_actions import log

from . import services


class ServiceSaveMixin:
    """Create/edit view that saves via `save(instance, actor=...)` instead of `form.save()`."""

    log_action = None

    def save(self, instance, *, actor):
        raise NotImplementedError

    def save_instance(self):
        instance = self.save(self.form.instance, actor=self.request.user)
        log(instance=instance, action=self.log_action, user=self.request.user)
        return instance


class CountrySaveMixin(ServiceSaveMixin):
    def save(self, instance, *, actor):
        return services.country_save(country=instance, actor=actor)


class AgencySaveMixin(ServiceSaveMixin):
    def save(self, instance, *, actor):
        return services.agency_save(agency=instance, actor=actor)


class MembershipSaveMixin(ServiceSaveMixin):
    def save(self, instance, *, actor):
        return services.membership_save(membership=instance, actor=actor)


class CountryCreateView(CountrySaveMixin, generic.CreateView):
    log_action = "wagtail.create"


class CountryEditView(CountrySaveMixin, generic.EditView):
    log_action = "wagtail.edit"


class AgencyCreateView(AgencySaveMixin, generic.CreateView):
    log_action = "wagtail.create"


class AgencyEditView(AgencySaveMixin, generic.EditView):
    log_action = "wagtail.edit"


class MembershipCreateView(MembershipSaveMixin, generic.CreateView):
    log_action = "wagtail.create"


class MembershipEditView(MembershipSaveMixin, generic.EditView):
    log_action = "wagtail.edit"


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        services.membership_delete(membership=self.object, actor=self.request.user)
