"""Admin forms that offer a coordinator only their own country's agencies and people."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Agency, Membership
from .permissions import coordinated_countries


class AgencyForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "country" in self.fields and not for_user.is_superuser:
            self.fields["country"].queryset = coordinated_countries(user=for_user)


class MembershipForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user.is_superuser:
            return
        countries = coordinated_countries(user=for_user)
        if "agency" in self.fields:
            self.fields["agency"].queryset = Agency.objects.filter(country__in=countries)
        if "user" in self.fields:
            # People of this country, and people not yet in any country.
            in_country = Membership.objects.filter(agency__country__in=countries).values("user")
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(Q(pk__in=in_country) | Q(memberships__isnull=True), is_active=True)
                .distinct()
            )
