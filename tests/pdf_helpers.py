"""Reading a PDF the way a test can assert on: its text, page by page."""

import io


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
