"""The admin's rich-text editor widget, for every RichTextField (see
WAGTAILADMIN_RICH_TEXT_EDITORS in settings).

Draftail posts its content as JSON, which Wagtail's widget parses with no check: HTML or
any other text posted instead (a script, a hand-made request) was a server error. Here
what is not Draftail's JSON is read as HTML through the same allow-list Wagtail applies
to the editor's content (the field's features only, unsafe links removed), and what even
that reader cannot follow keeps its words as plain paragraphs. The value is then
validated as any other (a required field, null characters).
"""

from django.utils.html import escape, strip_tags
from wagtail.admin.rich_text import DraftailRichTextArea as WagtailDraftailRichTextArea


def _paragraphs(text: str) -> str:
    lines = strip_tags(text).splitlines()
    return "".join(f"<p>{escape(line.strip())}</p>" for line in lines if line.strip())


class DraftailRichTextArea(WagtailDraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        # The converters validate nothing and fail in many ways (JSONDecodeError, TypeError,
        # AttributeError, AssertionError on unbalanced tags...): any failure means "not
        # content this reader understands", and the next, simpler reading is tried.
        try:
            return super().value_from_datadict(data, files, name)
        except Exception:
            text = data.get(name) or ""
        if not text.strip():
            return ""
        try:
            return self.converter.to_database_format(self.converter.from_database_format(text))
        except Exception:
            return _paragraphs(text)
