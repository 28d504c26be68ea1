"""Checking a spreadsheet against a plan: what an import would create and update, and why not.

Nothing here writes. `reading.read_table` turns the file into rows with the numbers a
spreadsheet program shows; `check_import` resolves each row against the plan (agencies,
capabilities, dates, existing commitments) and validates it with the model's own rules,
collecting every problem instead of stopping at the first. `services.plan_import` then
writes, in one transaction, only when there is no problem at all.

Two layouts are read, and anything similar (columns are matched by name, in any order):
the four-column table of a national plan of action (objective / activity / actors /
indicators, with optional capability, start, due, status, supporting) and this site's own
`export.csv`, whose `id` column turns a row into an update of that commitment.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from plans import services as plan_services
from plans.models import (
    Capability,
    Commitment,
    CommitmentIndicator,
    FundingLine,
    InspireStrategy,
    PlanOutcome,
)

from .funding import FundingCell
from .reading import (
    ALIAS_TO_COLUMN,
    MAX_CELL_CHARS,
    ImportFileError,
    Problem,
    Table,
    cell_text,
    check_upload,
    normalise,
    parse_choice,
    parse_cost,
    parse_date,
    parse_progress,
    read_table,
    split_cell,
)

ACTORS_AND_LEAD = (
    "The file has both an actors column and a lead agency column: use one or the other "
    "(the first actor is the lead)."
)
COLUMN_IGNORED = "Column not recognised, ignored."
# Only the plan's coordinators import: the model's message would have them ask themselves.
CAPABILITY_NOT_IN_IMPORTED_PLAN = _(
    "“%(capability)s” is not one of this plan's capability sections. Add it to the plan "
    "(edit the plan page, “MNR capability sections”) or choose one of the plan's sections, "
    "then upload the file again."
)
TITLE_MISSING = "Missing: every new commitment needs a title (the activity)."
TITLE_TOO_LONG = "%(length)s characters; a title has at most 255. Put the detail in a description."
CAPABILITY_MISSING = (
    "Missing: give the MNR capability (its number 1–21 or its name), or an objective that is "
    "one of the plan's capability sections."
)
CAPABILITY_UNKNOWN = "“%(value)s” is not an MNR capability: use its number (1–21) or its name."
LEAD_MISSING = "Missing: every new commitment needs a lead agency (the first actor)."
AGENCY_UNKNOWN = "“%(value)s” is not an agency of %(country)s (by name or acronym)."
AGENCY_AMBIGUOUS = "“%(value)s” could be %(agencies)s: use the agency's full name."
ID_INVALID = "“%(value)s” is not a commitment id (a whole number)."
ID_UNKNOWN = "No commitment with id %(value)s in %(plan)s."
ID_REPEATED = "Commitment %(value)s is also updated by row %(row)s."
TITLE_EXISTS = (
    "“%(title)s” is already commitment %(pk)s of this plan under this capability. To update "
    "it, put %(pk)s in an id column; to add another, give it a different title."
)
TITLE_REPEATED = "Same title and capability as row %(row)s."
INDICATOR_TOO_LONG = "Indicator “%(name)s…” is longer than 255 characters."
INSPIRE_UNKNOWN = "“%(value)s” is not an INSPIRE strategy (number, letter or name)."
CELL_TOO_LONG = "%(length)s characters; a cell has at most %(limit)s."
IN_REVIEW = (
    "Commitment %(pk)s (“%(title)s”) is in review: the import cannot change it until its "
    "reviewers approve it or request changes."
)
LOCKED = "Commitment %(pk)s is locked by %(user)s; ask them to unlock it first."
# The results chain is the plan page's, reviewed with it: the import names outputs the
# published chain has, and never adds to a chain in a commitment's row.
_ADD_TO_CHAIN = _(
    "Add it in the plan's “Results chain” panel first (edit the plan page); once the plan's "
    "review publishes that revision, upload the file again."
)
OUTCOME_UNKNOWN = _(
    "“%(value)s” is not an outcome of this plan's results chain (its outcomes: "
    "%(choices)s). %(add)s"
)
OUTPUT_UNKNOWN = _(
    "“%(value)s” is not an output of this plan's results chain (its outputs: %(choices)s). %(add)s"
)
OUTPUT_NOT_UNDER_OUTCOME = _(
    "“%(value)s” is not an output under the outcome “%(outcome)s” (its outputs: "
    "%(choices)s). Correct the outcome or the output."
)
OUTPUT_AMBIGUOUS = _(
    "“%(value)s” is an output of several outcomes (%(outcomes)s): name its outcome in an "
    "outcome column."
)
OUTPUT_MISSING = _(
    "A commitment delivers an output: name the output under “%(outcome)s” it delivers "
    "(%(choices)s)."
)
CHAIN_NOT_PUBLISHED = _(
    "“%(value)s” is in the plan's draft results chain, not yet published: commitments can "
    "name it once the plan's review publishes that revision. Then upload the file again."
)
NO_CHAIN = _("none yet")
DRAFT_REPLACED = (
    "Commitment %(pk)s has a newer draft with “%(draft)s” here; the import replaces it."
)

# Model field -> the column its errors are reported under.
FIELD_COLUMNS = {
    "title": ("title",),
    "description": ("description", "objective"),
    "capability": ("capability", "capability_name", "objective"),
    "lead_agency": ("lead_agency", "actors"),
    "supporting_agencies": ("supporting_agencies", "actors"),
    "start_date": ("start_date",),
    "due_date": ("due_date",),
    "status": ("status",),
    "progress": ("progress",),
    "kind": ("kind",),
    "estimated_cost": ("estimated_cost",),
    "currency": ("currency",),
    "funding_source": ("funding_source",),
    "output": ("output",),
    "funding_lines": ("funding_lines",),
}


@dataclass
class PlannedRow:
    row: int
    action: str  # "create", "update" or "unchanged"
    title: str
    capability: Capability | None
    lead_agency: object
    commitment: Commitment | None = None  # the one to update
    values: dict = field(default_factory=dict)  # keyword arguments for the service


@dataclass
class ImportResult:
    plan: object
    file_name: str
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    done: bool = False  # written to the database

    @property
    def to_create(self):
        return [r for r in self.rows if r.action == "create"]

    @property
    def to_update(self):
        return [r for r in self.rows if r.action == "update"]

    @property
    def unchanged(self):
        return [r for r in self.rows if r.action == "unchanged"]

    def summary(self) -> str:
        verb = ("created %s, updated %s" if self.done else "would create %s, update %s") % (
            len(self.to_create),
            len(self.to_update),
        )
        return f"{verb}, unchanged {len(self.unchanged)}; {len(self.problems)} problem(s)"


# --- Looking things up, once per import -------------------------------------------------


class Lookups:
    """Everything a row refers to, loaded once: a 2,000-row file makes no query per cell."""

    def __init__(self, plan):
        self.plan = plan
        self.country = plan.country
        self._agencies = {}
        for agency in plan.country.agencies.all():
            for key in {_agency_key(agency.name), _agency_key(agency.acronym), _agency_key(agency)}:
                if key:
                    self._agencies.setdefault(key, set()).add(agency)
        sections = list(plan.capability_sections.select_related("capability"))
        self.section_capabilities = {s.capability_id for s in sections}
        self.by_objective = {normalise(s.objective): s.capability for s in sections}
        frameworks = {s.capability.framework_id for s in sections} or set(
            Capability.objects.filter(framework__code="MNR-2016").values_list(
                "framework_id", flat=True
            )[:1]
        )
        self._capabilities = {}
        for capability in Capability.objects.filter(framework__in=frameworks):
            for key in (str(capability.number), normalise(capability.name)):
                self._capabilities[key] = capability
        self._inspire = {}
        for strategy in InspireStrategy.objects.all():
            for key in (str(strategy.number), strategy.letter, strategy.name):
                self._inspire[normalise(key)] = strategy
        self.funding = FundingCell(plan.locale.language_code)
        # The published chain: a commitment points at output rows, which only the plan's
        # published revision writes.
        self._outcomes = list(
            PlanOutcome.objects.filter(plan=plan).prefetch_related("outputs").order_by("sort_order")
        )
        self._outputs = [output for outcome in self._outcomes for output in outcome.outputs.all()]
        self._draft_titles = None

    def output(self, *, outcome: str, output: str):
        """The published output named (under the outcome named, when given), or a
        ValueError with the column to report it under."""
        if outcome and not any(_same(o.title, outcome) for o in self._outcomes):
            raise ChainError("outcome", self._chain_message(outcome, OUTCOME_UNKNOWN, "outcome"))
        by_outcome = [o for o in self._outputs if not outcome or _same(o.outcome.title, outcome)]
        if not output:
            choices = _choices(o.title for o in by_outcome)
            raise ChainError("output", OUTPUT_MISSING % {"outcome": outcome, "choices": choices})
        found = [o for o in by_outcome if _same(o.title, output)]
        if not found:
            if outcome and any(_same(o.title, output) for o in self._outputs):
                raise ChainError(
                    "output",
                    OUTPUT_NOT_UNDER_OUTCOME
                    % {
                        "value": output,
                        "outcome": outcome,
                        "choices": _choices(o.title for o in by_outcome),
                    },
                )
            raise ChainError("output", self._chain_message(output, OUTPUT_UNKNOWN, "output"))
        if len(found) > 1:
            outcomes = get_text_list([f"“{o.outcome.title}”" for o in found], str(_("and")))
            raise ChainError("output", OUTPUT_AMBIGUOUS % {"value": output, "outcomes": outcomes})
        return found[0]

    def _chain_message(self, value: str, message, level: str) -> str:
        if _key(value) in self._draft_chain_titles(level):
            return str(CHAIN_NOT_PUBLISHED % {"value": value})
        items = self._outcomes if level == "outcome" else self._outputs
        titles = (item.title for item in items)
        return str(message % {"value": value, "choices": _choices(titles), "add": _ADD_TO_CHAIN})

    def _draft_chain_titles(self, level: str) -> set[str]:
        if self._draft_titles is None:
            self._draft_titles = {"outcome": set(), "output": set()}
            plan = self.plan
            if plan.has_unpublished_changes and plan.latest_revision_id:
                draft = plan.get_latest_revision_as_object()
                for outcome in draft.outcomes.all():
                    self._draft_titles["outcome"].add(_key(outcome.title))
                    for output in outcome.outputs.all():
                        self._draft_titles["output"].add(_key(output.title))
        return self._draft_titles[level]

    def agency(self, text: str):
        found = self._agencies.get(_agency_key(text), set())
        if len(found) > 1:
            names = get_text_list(sorted(a.name for a in found), "or")
            raise ValueError(AGENCY_AMBIGUOUS % {"value": text, "agencies": names})
        if not found:
            raise ValueError(AGENCY_UNKNOWN % {"value": text, "country": self.country})
        return next(iter(found))

    def agencies(self, text: str) -> tuple[list, list[str]]:
        """Agencies named in a cell, in order, and the messages for names not found.

        ';' and new lines always separate; ',' and '/' separate too, except inside an
        agency's own name ("Directorate of Criminal Investigations, Anti-Human Trafficking
        and Child Protection Unit"): the longest run of pieces that is a name wins.
        """
        agencies, errors = [], []
        for chunk in split_cell(text, r"[;\n]"):
            pieces = split_cell(chunk, r"[,/]")
            start = 0
            while start < len(pieces):
                for end in range(len(pieces), start, -1):
                    key = _agency_key(",".join(pieces[start:end]))
                    if key in self._agencies:
                        try:
                            agencies.append(self.agency(",".join(pieces[start:end])))
                        except ValueError as error:
                            errors.append(str(error))
                        start = end
                        break
                else:
                    errors.append(
                        str(AGENCY_UNKNOWN % {"value": pieces[start], "country": self.country})
                    )
                    start += 1
        return agencies, errors

    def capability(self, value):
        text = cell_text(value)
        # "4", "4.", "MNR 4", "4. Dedicated law enforcement" (the export's form), or a name.
        match = re.match(r"^(?:mnr\s*)?(\d{1,2})(?:\D|$)", text, flags=re.IGNORECASE)
        key = match.group(1) if match else normalise(text)
        capability = self._capabilities.get(key)
        if capability is None:
            raise ValueError(CAPABILITY_UNKNOWN % {"value": text})
        if capability.pk not in self.section_capabilities:
            raise ValueError(str(CAPABILITY_NOT_IN_IMPORTED_PLAN % {"capability": capability}))
        return capability

    def inspire(self, text: str) -> tuple[list, list[str]]:
        found, errors = [], []
        for part in split_cell(text, r"[;,\n]"):
            strategy = self._inspire.get(normalise(part))
            if strategy is None:
                errors.append(INSPIRE_UNKNOWN % {"value": part})
            elif strategy not in found:
                found.append(strategy)
        return found, errors


class ChainError(ValueError):
    def __init__(self, column, message):
        super().__init__(str(message))
        self.column = column


def _key(title) -> str:
    return " ".join(str(title or "").casefold().split())


def _same(title, text) -> bool:
    # Case and spacing do not matter; punctuation does ("4. Dedicated law enforcement").
    return _key(title) == _key(text)


def _choices(titles) -> str:
    titles = list(dict.fromkeys(f"“{t}”" for t in titles))
    return "; ".join(titles) if titles else str(NO_CHAIN)


def _agency_key(value) -> str:
    # Case, spacing and the separator used inside a name do not matter.
    text = re.sub(r"\s*[,/]\s*", ",", str(value or "").lower())
    return " ".join(text.split())


# --- Checking the rows -------------------------------------------------------------------


class _Row:
    """One row's cells by canonical column, and its problems."""

    def __init__(self, number, cells, columns, headers):
        self.number = number
        self.columns = columns  # canonical -> index
        self.headers = headers
        self.cells = cells
        self.problems: list[Problem] = []

    def has(self, column) -> bool:
        return column in self.columns

    def raw(self, column):
        index = self.columns.get(column)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, column) -> str:
        return cell_text(self.raw(column))

    def header(self, column) -> str:
        index = self.columns.get(column)
        return self.headers[index] if index is not None else ""

    def problem(self, column, message):
        # A column the file lacks is named as the template names it.
        name = self.header(column) or column.replace("_", " ")
        self.problems.append(Problem(self.number, name, str(message)))

    def refuse_long_cells(self) -> bool:
        """True when a cell the import reads is too long to be a field of a commitment."""
        for column in self.columns:
            length = len(self.text(column))
            if length > MAX_CELL_CHARS:
                limits = {"length": f"{length:,}", "limit": f"{MAX_CELL_CHARS:,}"}
                self.problem(column, CELL_TOO_LONG % limits)
        return bool(self.problems)

    def read(self, column, parse):
        """The parsed cell, None when blank, or None and a problem when it cannot be read."""
        if self.text(column) == "":
            return None
        try:
            return parse(self.raw(column))
        except ValueError as error:
            self.problem(column, error)
            return None


def _columns(table: Table) -> tuple[dict, list[Problem], list[Problem]]:
    columns, notes, problems = {}, [], []
    for index, header in enumerate(table.headers):
        column = ALIAS_TO_COLUMN.get(normalise(header))
        if column is None:
            if header:
                notes.append(Problem(table.header_row, header, COLUMN_IGNORED))
        elif column not in columns:
            columns[column] = index
    if "actors" in columns and "lead_agency" in columns:
        problems.append(
            Problem(table.header_row, table.headers[columns["actors"]], ACTORS_AND_LEAD)
        )
    return columns, notes, problems


def check_import(*, plan, name: str, content: bytes, actor=None) -> ImportResult:
    """What importing this file into `plan` would do, and every problem that prevents it."""
    result = ImportResult(plan=plan, file_name=name)
    try:
        check_upload(name=name, size=len(content))
        table = read_table(name=name, content=content)
    except ImportFileError as error:
        result.problems.append(Problem(error.row, "", str(error)))
        return result
    columns, result.notes, result.problems = _columns(table)
    lookups = Lookups(plan)
    rows = [_Row(number, cells, columns, table.headers) for number, cells in table.rows]
    existing = _existing_commitments(plan, rows)
    titles = {
        (title.lower(), capability_id): pk
        for pk, title, capability_id in plan.commitments.values_list("pk", "title", "capability")
    }
    seen_ids, seen_titles = {}, {}
    for row in rows:
        if row.refuse_long_cells():
            result.problems.extend(row.problems)
            continue
        planned = _plan_row(row, lookups, existing, seen_ids, actor, result.notes)
        if planned is not None and planned.action == "create" and not row.problems:
            key = (planned.title.lower(), planned.capability.pk)
            if key in titles:
                row.problem("title", TITLE_EXISTS % {"title": planned.title, "pk": titles[key]})
            elif key in seen_titles:
                row.problem("title", TITLE_REPEATED % {"row": seen_titles[key]})
            seen_titles.setdefault(key, row.number)
        result.problems.extend(row.problems)
        if planned is not None and not row.problems:
            result.rows.append(planned)
    return result


def _existing_commitments(plan, rows) -> dict[int, Commitment]:
    ids = set()
    for row in rows:
        text = row.text("id")
        if text.isdigit():
            ids.add(int(text))
    # Wagtail's `workflow_in_progress` reads the prefetched states: no query per row.
    states = Prefetch(
        "_workflow_states",
        queryset=WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS),
        to_attr="_current_workflow_states",
    )
    commitments = (
        Commitment.objects.filter(plan=plan, pk__in=ids)
        .select_related("latest_revision", "locked_by")
        .prefetch_related(states)
    )
    return {c.pk: c for c in commitments}


def _plan_row(row: _Row, lookups: Lookups, existing, seen_ids, actor, notes) -> PlannedRow | None:
    commitment = None
    id_text = row.text("id")
    if id_text:
        if not id_text.isdigit():
            row.problem("id", ID_INVALID % {"value": id_text})
            return None
        commitment = existing.get(int(id_text))
        if commitment is None:
            row.problem("id", ID_UNKNOWN % {"value": id_text, "plan": lookups.plan})
            return None
        if commitment.pk in seen_ids:
            row.problem("id", ID_REPEATED % {"value": id_text, "row": seen_ids[commitment.pk]})
            return None
        seen_ids[commitment.pk] = row.number
    values = _read_values(row, lookups, is_new=commitment is None)
    if commitment is None:
        return _plan_create(row, lookups, values)
    return _plan_update(row, commitment, values, actor, notes)


def _read_values(row: _Row, lookups: Lookups, *, is_new: bool) -> dict:
    """The row's cells as model values; a blank cell is absent (an update leaves it as is)."""
    values = {}
    title = row.text("title")
    if title:
        if len(title) > 255:
            row.problem("title", TITLE_TOO_LONG % {"length": len(title)})
        values["title"] = title
    elif is_new:
        row.problem("title", TITLE_MISSING)
    parts = []
    if row.text("objective"):
        parts.append(f"Objective: {row.text('objective')}")
    if row.text("description"):
        parts.append(row.text("description"))
    if parts:
        values["description"] = "\n\n".join(parts)

    for column in ("capability", "capability_name"):
        if row.text(column):
            capability = row.read(column, lookups.capability)
            if capability is not None:
                values["capability"] = capability
            break
    else:
        capability = lookups.by_objective.get(normalise(row.text("objective")))
        if capability is not None:
            values["capability"] = capability
        elif is_new:
            column = "objective" if row.has("objective") and not row.has("capability") else None
            row.problem(column or "capability", CAPABILITY_MISSING)

    _read_agencies(row, lookups, values, is_new=is_new)

    for column, choices, what in (
        ("status", Commitment.Status.choices, "status"),
        ("kind", Commitment.Kind.choices, "kind of commitment"),
    ):
        value = row.read(column, lambda v, c=choices, w=what: parse_choice(cell_text(v), c, w))
        if value is not None:
            values[column] = value
    for column, parse in (
        ("progress", parse_progress),
        ("start_date", parse_date),
        ("due_date", lambda v: parse_date(v, end_of_year=True)),
        ("estimated_cost", parse_cost),
    ):
        value = row.read(column, parse)
        if value is not None:
            values[column] = value
    for column in ("currency", "funding_source"):
        if row.text(column):
            values[column] = row.text(column).upper() if column == "currency" else row.text(column)
    if row.text("output") or row.text("outcome"):
        try:
            values["output"] = lookups.output(
                outcome=row.text("outcome"), output=row.text("output")
            )
        except ChainError as error:
            row.problem(error.column, error)
    if row.text("funding_lines"):
        lines, errors = lookups.funding.parse(row.text("funding_lines"))
        for error in errors:
            row.problem("funding_lines", error)
        values["funding_lines"] = lines
    if row.text("inspire_strategies"):
        strategies, errors = lookups.inspire(row.text("inspire_strategies"))
        for error in errors:
            row.problem("inspire_strategies", error)
        values["inspire_strategies"] = strategies
    if row.text("indicators"):
        names = split_cell(row.text("indicators"), r"[;\n]")
        for name in names:
            if len(name) > 255:
                row.problem("indicators", INDICATOR_TOO_LONG % {"name": name[:40]})
        values["indicators"] = names
    return values


def _read_agencies(row: _Row, lookups: Lookups, values: dict, *, is_new: bool) -> None:
    supporting = []
    if row.has("actors"):
        agencies, errors = lookups.agencies(row.text("actors"))
        for error in errors:
            row.problem("actors", error)
        if agencies:
            values["lead_agency"] = agencies[0]
            supporting = agencies[1:]
        elif is_new and not errors:
            row.problem("actors", LEAD_MISSING)
    elif row.text("lead_agency"):
        lead = row.read("lead_agency", lookups.agency)
        if lead is not None:
            values["lead_agency"] = lead
    elif is_new:
        row.problem("lead_agency", LEAD_MISSING)
    if row.text("supporting_agencies"):
        agencies, errors = lookups.agencies(row.text("supporting_agencies"))
        for error in errors:
            row.problem("supporting_agencies", error)
        supporting += agencies
    if supporting or (row.has("actors") and "lead_agency" in values):
        # Actors name everyone who takes part: those not listed stop supporting.
        values["supporting_agencies"] = _unique(supporting)


def _unique(items):
    return list(dict.fromkeys(items))


def _plan_create(row: _Row, lookups: Lookups, values: dict) -> PlannedRow | None:
    if row.problems:
        return None
    indicators = [{"name": name} for name in values.pop("indicators", [])]
    commitment = Commitment(plan=lookups.plan, **_scalar(values))
    commitment.supporting_agencies = values.get("supporting_agencies", [])
    commitment.inspire_strategies = values.get("inspire_strategies", [])
    commitment.funding_lines = _funding_lines(values.get("funding_lines", []))
    _validate(row, commitment)
    values["indicators"] = indicators
    return PlannedRow(
        row=row.number,
        action="create",
        title=values["title"],
        capability=values["capability"],
        lead_agency=values["lead_agency"],
        values=values,
    )


def _scalar(values: dict) -> dict:
    many = ("supporting_agencies", "inspire_strategies", "indicators", "funding_lines")
    return {k: v for k, v in values.items() if k not in many}


def _plan_update(row, commitment, values, actor, notes) -> PlannedRow | None:
    if row.problems:
        return None
    if commitment.locked and (actor is None or commitment.locked_by_id != actor.pk):
        row.problem("id", LOCKED % {"pk": commitment.pk, "user": commitment.locked_by})
        return None
    working = (
        commitment.get_latest_revision_as_object() if commitment.latest_revision_id else commitment
    )
    changes = {}
    for name, value in values.items():
        if name == "indicators":
            have = {i.name.strip().lower() for i in working.indicators.all()}
            new = [n for n in value if n.lower() not in have]
            if new:
                # Existing indicators stay (their measurements refer to them); new ones join.
                kept = list(working.indicators.all())
                changes["indicators"] = kept + [CommitmentIndicator(name=n) for n in new]
            continue
        draft_value = _comparable(name, getattr(working, name))
        live_value = _comparable(name, getattr(commitment, name))
        wanted = _comparable(name, value)
        # A cell equal to the published version was not edited: an export is read from the
        # published version, and must not undo a newer draft the file knows nothing about.
        if wanted in (draft_value, live_value):
            continue
        if draft_value != live_value:
            notes.append(
                Problem(
                    row.number,
                    row.header(FIELD_COLUMNS.get(name, (name,))[0]) or name,
                    DRAFT_REPLACED % {"pk": commitment.pk, "draft": _shown(getattr(working, name))},
                )
            )
        changes[name] = value
    if changes and commitment.workflow_in_progress:
        # The editor is locked while in review; an import must not slip a new draft under
        # the reviewers, who would approve text nobody submitted.
        row.problem("id", IN_REVIEW % {"pk": commitment.pk, "title": working.title})
        return None
    if not changes:
        return PlannedRow(
            row=row.number,
            action="unchanged",
            title=working.title,
            capability=working.capability,
            lead_agency=working.lead_agency,
            commitment=commitment,
        )
    for name, value in changes.items():
        setattr(working, name, _funding_lines(value) if name == "funding_lines" else value)
    _validate(row, working)
    if row.problems:
        return None
    return PlannedRow(
        row=row.number,
        action="update",
        title=working.title,
        capability=working.capability,
        lead_agency=working.lead_agency,
        commitment=commitment,
        values=changes,
    )


def _funding_lines(lines) -> list[FundingLine]:
    return [FundingLine(sort_order=i, **line) for i, line in enumerate(lines)]


def _funding_key(line) -> tuple:
    get = line.get if isinstance(line, dict) else lambda name: getattr(line, name)
    return (get("year"), get("state"), get("source"), get("partner") or "", get("amount"))


def _comparable(name, value):
    if name == "funding_lines":
        items = value if isinstance(value, list | tuple) else value.all()
        return tuple(_funding_key(line) for line in items)
    if name in ("supporting_agencies", "inspire_strategies"):
        items = value if isinstance(value, list | tuple) else value.all()
        return frozenset(item.pk for item in items)
    if hasattr(value, "pk"):
        return value.pk
    return value


def _shown(value) -> str:
    if hasattr(value, "all"):
        return "; ".join(str(item) for item in value.all())
    return str(value)


def _validate(row: _Row, commitment: Commitment) -> None:
    """The model's own rules (capability in the plan, due after start, the lead's country),
    and the funding lines' as the services check them (each line, the plan's period)."""
    errors = {}
    for check in (commitment.full_clean, lambda: plan_services.validate_funding_lines(commitment)):
        try:
            check()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
    for name, messages in errors.items():
        candidates = FIELD_COLUMNS.get(name, ())
        column = next((c for c in candidates if row.has(c)), None)
        header = row.header(column) if column else ("" if name == "__all__" else name)
        for message in messages:
            row.problems.append(Problem(row.number, header, message))
