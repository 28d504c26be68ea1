"""Admin of the reference data (frameworks, domains, capabilities, INSPIRE strategies,
maturity levels): its names in every language, and its versions.

Only superusers change it (`home.admin_permissions.ReferenceDataPermissionPolicy`); each
change is a django-reversion version, listed under the editor's *Versions* button.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.permissions import policy_registry

from stakeholders import history

from . import services
from .models import (
    Capability,
    Domain,
    Framework,
    InspireStrategy,
    LegislativeCriterion,
    MaturityLevel,
)
from .models.frameworks import translated_languages

VERSIONED_MODELS = {
    model._meta.model_name: model
    for model in (
        Framework,
        Domain,
        Capability,
        InspireStrategy,
        MaturityLevel,
        LegislativeCriterion,
    )
}

STALE_TRANSLATION = _(
    "Translated from “%(english)s”; the English name has changed since, so the English name "
    "is shown until this one is checked. Saving without changing the English name confirms it."
)


class TranslationsForm(forms.ModelForm):
    """The English fields, then for each other language: name, description, where the name
    comes from, and whether it is a draft. Stored in the model's `translations` field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code, _language in translated_languages():
            entry = stored.get(code) or {}
            for key in ("name", "description", "source", "draft"):
                name = f"{key}_{code}"
                if name in self.fields:
                    self.fields[name].initial = entry.get(key, False if key == "draft" else "")
            english = entry.get("english")
            if english and english != self.instance.name:
                self.fields[f"name_{code}"].help_text = STALE_TRANSLATION % {"english": english}

    def clean(self):
        cleaned_data = super().clean()
        english = cleaned_data.get("name", self.instance.name)
        renamed = "name" in self.changed_data
        stored = self.instance.translations or {}
        translations = {}
        for code, _language in translated_languages():
            entry = {
                key: cleaned_data.get(f"{key}_{code}")
                for key in ("name", "description", "source", "draft")
                if f"{key}_{code}" in self.fields
            }
            if not entry.get("name") and not entry.get("description"):
                continue
            previous = (stored.get(code) or {}).get("english")
            # Renaming the English name leaves its translations stale until they are
            # looked at again (`TranslatedReference.name_in` then shows the English name).
            stale = renamed and previous and f"name_{code}" not in self.changed_data
            entry["english"] = previous if stale else english
            translations[code] = {key: value for key, value in entry.items() if value != ""}
        self.instance.translations = translations
        return cleaned_data


def _translation_fields(model) -> dict:
    has_description = any(field.name == "description" for field in model._meta.fields)
    max_length = model._meta.get_field("name").max_length
    fields = {}
    for code, language in translated_languages():
        fields[f"name_{code}"] = forms.CharField(
            label=format_lazy("{} ({})", _("Name"), language),
            max_length=max_length,
            required=False,
        )
        if has_description:
            fields[f"description_{code}"] = forms.CharField(
                label=format_lazy("{} ({})", _("Description"), language),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        fields[f"source_{code}"] = forms.CharField(
            label=format_lazy("{} ({})", _("Source of the name"), language),
            help_text=_("The publication the name is taken from; empty for our own translation."),
            max_length=255,
            required=False,
        )
        fields[f"draft_{code}"] = forms.BooleanField(
            label=format_lazy("{} ({})", _("Draft, to be reviewed"), language),
            help_text=_(
                "The development team's translation, not a published one: to be reviewed by "
                "a native speaker."
            ),
            required=False,
        )
    return fields


def translations_form_class(model, fields, formfield_callback=None):
    """A model form of `fields` followed by the translation fields of every language."""
    name = f"{model.__name__}TranslationsForm"
    base = type(name, (TranslationsForm,), _translation_fields(model))
    return modelform_factory(model, form=base, fields=fields, formfield_callback=formfield_callback)


class VersionedSaveMixin:
    def save_instance(self):
        comment = "Edited" if self.form.instance.pk else "Added"
        with services.reference_change(actor=self.request.user, comment=comment):
            return super().save_instance()


class ReferenceCreateView(VersionedSaveMixin, generic.CreateView):
    pass


class ReferenceEditView(VersionedSaveMixin, generic.EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        url = reverse("reference_versions", args=[self.object._meta.model_name, self.object.pk])
        buttons.append(Button(_("Versions"), url=url, icon_name="history", priority=40))
        return buttons


class ReferenceVersionsView(WagtailAdminTemplateMixin, TemplateView):
    """Every version of one piece of reference data: who changed what, when."""

    template_name = "stakeholders/admin/versions.html"
    header_icon = "history"

    def dispatch(self, request, model_name, pk):
        model = VERSIONED_MODELS.get(model_name)
        if model is None:
            raise Http404
        self.object = get_object_or_404(model, pk=pk)
        if not policy_registry.get_by_type(model).user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_title(self):
        return _("Versions of %(object)s") % {"object": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            versions=history.versions_with_changes(self.object),
            can_revert=False,  # a superuser edits it back; that is a new version
            model_name=self.object._meta.model_name,
        )
        return context
