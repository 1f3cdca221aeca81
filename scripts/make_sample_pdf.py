"""Render a sample text to a PDF with a real text layer (how `corpus/samples/*.pdf` was made).

    cd corpus/samples
    python ../../scripts/make_sample_pdf.py chi-thi-05-ct-tu.txt chi-thi-05-ct-tu.pdf

Needs reportlab (a dev tool, not a runtime dependency) and the DejaVu Sans font.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def render(text: str, out: Path) -> None:
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdf = canvas.Canvas(str(out), pagesize=A4)
    width, height = A4
    y, page = height - 60, 1
    pdf.setFont("DejaVu", 11)
    for paragraph in text.splitlines():
        for line in textwrap.wrap(paragraph, 85) or [""]:
            if y < 70:
                pdf.drawCentredString(width / 2, 35, str(page))
                pdf.showPage()
                pdf.setFont("DejaVu", 11)
                y, page = height - 60, page + 1
            pdf.drawString(55, y, line)
            y -= 16
    pdf.drawCentredString(width / 2, 35, str(page))
    pdf.save()


if __name__ == "__main__":
    render(Path(sys.argv[1]).read_text("utf-8"), Path(sys.argv[2]))
