"""What the read API shows of each public object.

The shapes follow `export.json` (publishing/exports.py): English reference names, ids as
the keys, budget figures only where the commitment's budget is public. Objects that other
issues add (funding lines, findings, trainings) get their own serializers and endpoints
beside these; `funding` and `training` on a commitment are where their figures will join.
"""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from plans.models import (
    Capability,
    Commitment,
    CommitmentIndicator,
    Finding,
    NationalPlanPage,
    PlanCapabilitySection,
)
from plans.selectors import public_finding_state
from stakeholders.models import Agency
from tracking.models import (
    Audience,
    IndicatorMeasurement,
    ProgressUpdate,
    Training,
    TrainingParticipants,
)

from ..exports import commitment_url


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "acronym", "sector"]


class CapabilitySerializer(serializers.ModelSerializer):
    domain = serializers.CharField(source="domain.name", help_text="The MNR domain's name.")
    domain_number = serializers.IntegerField(source="domain.number")

    class Meta:
        model = Capability
        fields = ["number", "name", "domain_number", "domain"]


class CapabilitySectionSerializer(serializers.ModelSerializer):
    capability = serializers.IntegerField(source="capability.number", help_text="MNR number.")
    capability_name = serializers.CharField(source="capability.name")
    baseline_level = serializers.CharField(
        source="baseline_level.name", allow_null=True, default=None
    )
    target_level = serializers.CharField(source="target_level.name", allow_null=True, default=None)

    class Meta:
        model = PlanCapabilitySection
        fields = ["capability", "capability_name", "objective", "baseline_level", "target_level"]


class PlanFiguresSerializer(serializers.Serializer):
    commitments = serializers.IntegerField(source="commitment_count")
    average_progress = serializers.IntegerField(
        allow_null=True, help_text="Average progress of the public commitments, in %."
    )
    completed = serializers.IntegerField(source="completed_count")
    on_track = serializers.IntegerField(source="on_track_count")
    behind = serializers.IntegerField(source="behind_count", help_text="At risk or delayed.")
    overdue = serializers.IntegerField(source="overdue_count")


class PlanTranslationSerializer(serializers.Serializer):
    title = serializers.CharField()
    html_url = serializers.URLField(help_text="The translated plan page.")


class PlanSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2.")
    language = serializers.CharField(
        source="locale.language_code",
        help_text="The language the plan is written in (its original), e.g. `es`.",
    )
    translations = serializers.SerializerMethodField()
    country_name = serializers.CharField(source="country.name")
    status = serializers.ChoiceField(source="plan_status", choices=NationalPlanPage.PlanStatus)
    html_url = serializers.SerializerMethodField()
    figures = serializers.SerializerMethodField()
    capability_sections = CapabilitySectionSerializer(many=True)

    class Meta:
        model = NationalPlanPage
        fields = [
            "id",
            "title",
            "language",
            "translations",
            "country",
            "country_name",
            "period_start",
            "period_end",
            "status",
            "html_url",
            "last_published_at",
            "figures",
            "capability_sections",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, plan) -> str:
        return plan_url(self.context, plan)

    @extend_schema_field(serializers.DictField(child=PlanTranslationSerializer()))
    def get_translations(self, plan):
        """The plan's live translations, by language code: each one's title and page."""
        versions = self.context.get("plan_translations", {}).get(plan.translation_key, [])
        request = self.context.get("request")
        return {
            version.locale.language_code: {
                "title": version.title,
                "html_url": full_url_in_own_language(version, request),
            }
            for version in versions
        }

    @extend_schema_field(PlanFiguresSerializer)
    def get_figures(self, plan):
        figures = PlanFiguresSerializer(plan).data
        if figures["average_progress"] is not None:
            figures["average_progress"] = round(plan.average_progress)
        return figures


def plan_url(context, plan) -> str:
    """The plan page's absolute URL (from the Site, as the exports have it), once per plan
    and request."""
    urls = context.setdefault("plan_urls", {})
    if plan.pk not in urls:
        urls[plan.pk] = plan.get_full_url(context.get("request")) or ""
    return urls[plan.pk]


def full_url_in_own_language(page, request) -> str:
    """A page's absolute URL in its own language's prefix (`/es/plans/...`)."""
    with translation.override(page.locale.language_code):
        return page.get_full_url(request) or ""


def _decimal(value):
    return None if value is None else str(value)


class IndicatorSummarySerializer(serializers.ModelSerializer):
    latest_value = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text="The latest value from a published progress update.",
    )
    latest_measured_on = serializers.DateField(allow_null=True)

    class Meta:
        model = CommitmentIndicator
        fields = [
            "id",
            "name",
            "unit",
            "baseline",
            "target",
            "means_of_verification",
            "latest_value",
            "latest_measured_on",
        ]


class FundingSerializer(serializers.Serializer):
    cost = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text="The estimated cost, in `currency`. Funding lines will add secured, "
        "pledged and gap beside it (as export.json's `funding`).",
    )
    currency = serializers.CharField(allow_null=True, help_text="ISO 4217, e.g. KES.")
    funding_source = serializers.CharField(allow_blank=True)


class PeopleTrainedSerializer(serializers.Serializer):
    audience = serializers.ChoiceField(choices=Audience.choices)
    people = serializers.IntegerField()


class PeopleToTrainSerializer(serializers.Serializer):
    audience = serializers.ChoiceField(choices=Audience.choices)
    people = serializers.IntegerField(help_text="The plan's target for this audience.")


class CommitmentTrainingSerializer(serializers.Serializer):
    delivery = serializers.CharField(allow_blank=True, help_text="in_person, e_learning, blended")
    people_trained = PeopleTrainedSerializer(
        many=True,
        help_text="Per audience: the sum of the participants of its trainings reported in "
        "published progress updates (/api/v1/trainings/).",
    )
    people_to_train = PeopleToTrainSerializer(many=True, help_text="The plan's targets.")


class CommitmentTextSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


class CommitmentSerializer(serializers.ModelSerializer):
    """`title` and `description` are in the language asked for with `?lang=` where the
    commitment has a published translation in it, else as written (in `language`)."""

    plan = serializers.IntegerField(source="plan_id")
    country = serializers.CharField(source="plan.country.code")
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    language = serializers.CharField(
        help_text="The language the commitment is written in (its plan's original), e.g. `ar`."
    )
    text_language = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    capability = CapabilitySerializer()
    lead_agency = AgencySerializer()
    supporting_agencies = AgencySerializer(many=True)
    inspire_strategies = serializers.SerializerMethodField()
    overdue = serializers.BooleanField(
        source="is_overdue", help_text="Due date passed, neither completed nor dropped."
    )
    stale = serializers.BooleanField(
        source="is_stale", help_text="Open, with no published update for a while."
    )
    last_update = serializers.DateField(
        source="last_published_update",
        allow_null=True,
        help_text="Reporting date of the latest published progress update.",
    )
    html_url = serializers.SerializerMethodField()
    funding = serializers.SerializerMethodField()
    training = serializers.SerializerMethodField()
    indicators = IndicatorSummarySerializer(many=True)
    findings = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "plan",
            "country",
            "title",
            "description",
            "language",
            "text_language",
            "translations",
            "capability",
            "lead_agency",
            "supporting_agencies",
            "inspire_strategies",
            "kind",
            "status",
            "progress",
            "start_date",
            "due_date",
            "overdue",
            "stale",
            "last_update",
            "last_published_at",
            "html_url",
            "funding",
            "training",
            "indicators",
            "findings",
        ]

    def _asked(self, commitment):
        """The published translation into the `?lang=` language, or None."""
        language = self.context.get("language")
        if not language or language == commitment.language:
            return None
        return commitment.translation_for(language)

    def get_title(self, commitment) -> str:
        asked = self._asked(commitment)
        return asked.title if asked else commitment.title

    def get_description(self, commitment) -> str:
        """As on the pages: the original's where the translation has none."""
        asked = self._asked(commitment)
        return asked.description if asked and asked.description else commitment.description

    def get_text_language(self, commitment) -> str:
        """The language of `title`: `?lang=`'s where a published translation is in it,
        else `language`."""
        asked = self._asked(commitment)
        return asked.language_code if asked else commitment.language

    @extend_schema_field(serializers.DictField(child=CommitmentTextSerializer()))
    def get_translations(self, commitment):
        """The published translations, by language code (never a draft's)."""
        return {
            row.language_code: {"title": row.title, "description": row.description}
            for row in commitment.translations.all()
        }

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_findings(self, commitment):
        """Ids of the published findings this commitment answers."""
        return [finding.pk for finding in commitment.public_findings]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_inspire_strategies(self, commitment):
        return [strategy.name for strategy in commitment.inspire_strategies.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, commitment) -> str:
        return commitment_url(
            commitment.plan, plan_url(self.context, commitment.plan), commitment.pk
        )

    @extend_schema_field(FundingSerializer(allow_null=True))
    def get_funding(self, commitment):
        """Only where the budget is public: unconfirmed figures stay internal."""
        if not commitment.budget_is_public:
            return None
        return {
            "cost": _decimal(commitment.estimated_cost),
            "currency": commitment.currency or None,
            "funding_source": commitment.funding_source,
        }

    @extend_schema_field(CommitmentTrainingSerializer(allow_null=True))
    def get_training(self, commitment):
        """For training commitments: how it is delivered, the people trained and the
        people to train, per audience."""
        if commitment.kind != Commitment.Kind.TRAINING:
            return None
        trained = self.context.get("people_trained", {}).get(commitment.pk, [])
        targets = [
            {"audience": target.audience, "people": target.people}
            for target in commitment.training_targets.all()
        ]
        return {
            "delivery": commitment.delivery,
            "people_trained": trained,
            "people_to_train": targets,
        }


class MeasurementSerializer(serializers.ModelSerializer):
    update = serializers.IntegerField(source="update_id", help_text="The progress update.")

    class Meta:
        model = IndicatorMeasurement
        fields = ["measured_on", "period_start", "period_end", "value", "update"]


class IndicatorSerializer(serializers.ModelSerializer):
    commitment = serializers.IntegerField(source="commitment_id")
    latest_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    latest_measured_on = serializers.DateField(allow_null=True)
    measurements = MeasurementSerializer(
        many=True, help_text="From published progress updates only, oldest first."
    )

    class Meta:
        model = CommitmentIndicator
        fields = [
            "id",
            "commitment",
            "name",
            "unit",
            "baseline",
            "target",
            "means_of_verification",
            "latest_value",
            "latest_measured_on",
            "measurements",
            # Issue 19, item 2 (the yearly targets and break-downs are in export.json).
            "level",
            "baseline_year",
            "data_source",
            "frequency",
        ]


class UpdateMeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.IntegerField(source="indicator_id")

    class Meta:
        model = IndicatorMeasurement
        fields = ["indicator", "measured_on", "period_start", "period_end", "value"]


class ParticipantsSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingParticipants
        fields = ["audience", "sex", "people"]


class TrainingSerializer(serializers.ModelSerializer):
    """A training reported in a published progress update: participants are aggregate
    counts per audience and sex, never people."""

    commitment = serializers.IntegerField(source="update.commitment_id")
    update = serializers.IntegerField(source="update_id", help_text="The progress update.")
    participants = ParticipantsSerializer(many=True)
    audiences = serializers.DictField(
        source="audience_counts",
        child=serializers.IntegerField(),
        help_text="People trained per audience (the participants summed over the sexes).",
    )
    people = serializers.IntegerField(help_text="All participants.")
    pre_test_average = serializers.DecimalField(
        max_digits=5, decimal_places=1, allow_null=True, help_text="In %, where taken."
    )
    post_test_average = serializers.DecimalField(
        max_digits=5, decimal_places=1, allow_null=True, help_text="In %, where taken."
    )
    findings = serializers.SerializerMethodField()

    class Meta:
        model = Training
        fields = [
            "id",
            "commitment",
            "update",
            "title",
            "starts_on",
            "ends_on",
            "mode",
            "curriculum",
            "trainers",
            "city",
            "audiences",
            "participants",
            "people",
            "pre_test_average",
            "post_test_average",
            "findings",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_findings(self, training):
        """Ids of the published findings it answers."""
        return [finding.pk for finding in training.public_findings]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    commitment = serializers.IntegerField(source="commitment_id")
    agency = AgencySerializer(help_text="The reporting agency.")
    measurements = UpdateMeasurementSerializer(many=True)
    people_trained = serializers.SerializerMethodField()
    trainings = serializers.SerializerMethodField()

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "commitment",
            "agency",
            "is_contribution",
            "reporting_date",
            "status",
            "progress",
            "narrative",
            "published_at",
            "measurements",
            "people_trained",
            "trainings",
        ]

    @extend_schema_field(PeopleTrainedSerializer(many=True))
    def get_people_trained(self, update):
        """Per audience, the participants of the trainings it reports."""
        counts = {}
        for training in update.trainings.all():
            for audience, people in training.audience_counts.items():
                counts[audience] = counts.get(audience, 0) + people
        return [{"audience": a, "people": counts[a]} for a in sorted(counts)]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_trainings(self, update):
        """Ids of the trainings it reports (/api/v1/trainings/)."""
        return [training.pk for training in update.trainings.all()]


class FindingSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2.")
    capabilities = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    commitments = serializers.SerializerMethodField()

    class Meta:
        model = Finding
        fields = [
            "id",
            "country",
            "title",
            "text",
            "source_kind",
            "source_title",
            "source_url",
            "date",
            "severity",
            "capabilities",
            "status",
            "reason",
            "commitments",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_capabilities(self, finding):
        """MNR capability numbers."""
        return [capability.number for capability in finding.capabilities.all()]

    @extend_schema_field(serializers.ChoiceField(choices=Finding.Status.choices))
    def get_status(self, finding) -> str:
        """`answered` when a public commitment answers it, unless addressed or not accepted."""
        return public_finding_state(finding)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_commitments(self, finding):
        """Ids of the public commitments that answer it."""
        return [commitment.pk for commitment in finding.public_commitments]
