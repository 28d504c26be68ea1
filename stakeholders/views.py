"""Admin views that save through the services, so the admin keeps groups and history right."""

from wagtail.admin.views import generic

from . import services


class ServiceSaveMixin:
    """Create/edit view that saves via `save(instance, actor=...)` instead of `form.save()`.

    The services write the audit log, so every path (admin, demo loader, shell) logs once.
    """

    def save(self, instance, *, actor):
        raise NotImplementedError

    def save_instance(self):
        return self.save(self.form.instance, actor=self.request.user)


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
    pass


class CountryEditView(CountrySaveMixin, generic.EditView):
    pass


class AgencyCreateView(AgencySaveMixin, generic.CreateView):
    pass


class AgencyEditView(AgencySaveMixin, generic.EditView):
    pass


class MembershipCreateView(MembershipSaveMixin, generic.CreateView):
    pass


class MembershipEditView(MembershipSaveMixin, generic.EditView):
    pass


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        services.membership_delete(membership=self.object, actor=self.request.user)
