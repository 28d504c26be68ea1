"""Admin forms that offer a coordinator only their own country's agencies, people and the
roles they may grant (`permissions.membership_refusal` decides; the service checks again)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import permissions
from .models import Agency, Membership
from .permissions import coordinated_countries


class AgencyForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        if "country" in self.fields and not for_user.is_superuser:
            self.fields["country"].queryset = coordinated_countries(user=for_user)
            if self.instance.pk:
                # An agency's country carries its people's rights: it never moves.
                self.fields["country"].disabled = True

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            refusal = permissions.agency_change_refusal(
                user=self.user, agency=self.instance, changed_fields=self.changed_data
            )
            if refusal:
                for field in set(self.changed_data) & set(permissions.AGENCY_PUBLIC_FIELDS):
                    self.add_error(field, refusal)
        return cleaned_data


class MembershipForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        if for_user.is_superuser:
            return
        countries = coordinated_countries(user=for_user)
        if "agency" in self.fields:
            self.fields["agency"].queryset = Agency.objects.filter(country__in=countries)
        if "user" in self.fields:
            # People already in this country, never oneself nor a site administrator;
            # new people come in through an invitation.
            in_country = Membership.objects.filter(agency__country__in=countries).values("user")
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(pk__in=in_country, is_active=True, is_superuser=False)
                .exclude(pk=for_user.pk)
            )
        if "role" in self.fields and not self.instance.pk:
            self.fields["role"].initial = Membership.Role.DRAFTER
        if "role" in self.fields:
            grantable = permissions.roles_user_may_grant(user=for_user)
            self.fields["role"].choices = [
                (value, label) for value, label in self.fields["role"].choices if value in grantable
            ]

    def clean(self):
        cleaned_data = super().clean()
        user = cleaned_data.get("user") or getattr(self.instance, "user", None)
        agency = cleaned_data.get("agency") or getattr(self.instance, "agency", None)
        role = cleaned_data.get("role") or self.instance.role
        if not (user and agency and role):
            return cleaned_data  # the missing field has its own error
        membership = Membership(pk=self.instance.pk, user=user, agency=agency, role=role)
        if refusal := permissions.membership_refusal(user=self.user, membership=membership):
            self.add_error(None, refusal)
        return cleaned_data


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(
            country__in=coordinated_countries(user=for_user), is_active=True
        ).select_related("country")
        grantable = permissions.roles_user_may_grant(user=for_user)
        self.fields["role"].choices = [
            (value, label) for value, label in Membership.Role.choices if value in grantable
        ]
        self.fields["role"].initial = Membership.Role.DRAFTER
