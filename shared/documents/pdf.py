"""A small layout vocabulary over fpdf2 for the documents practices mail, upload or fax.

Pure rendering: data in, PDF bytes out. Text is set in DejaVu Sans when the system has it (any
alphabet); otherwise in the PDF core font Helvetica, with characters it cannot show folded to their
closest Latin-1 form (MUÑOZ stays, ŁUKASZ -> LUKASZ) rather than failing the document.
"""
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
MARGIN = 15


class Document:
    """A4/Letter-agnostic page flow: headings, paragraphs, label/value blocks, tables, a cut-off stub."""

    def __init__(self, title: str):
        self._pdf = FPDF(format="letter", unit="mm")
        self._pdf.set_title(title)
        self._pdf.set_creator("billing platform")
        self._pdf.set_margins(MARGIN, MARGIN)
        self._pdf.set_auto_page_break(True, margin=MARGIN)
        self._family = self._choose_font()
        self._pdf.add_page()

    def _choose_font(self) -> str:
        regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            self._pdf.add_font("DejaVu", "", str(regular))
            self._pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu"
        return "Helvetica"

    def _text(self, value: object) -> str:
        text = "" if value is None else str(value)
        if self._family != "Helvetica":
            return text
        return "".join(c if ord(c) < 256 else unicodedata.normalize("NFKD", c).encode("latin-1", "ignore").decode("latin-1")
                       for c in text)

    @property
    def width(self) -> float:
        return self._pdf.w - 2 * MARGIN

    def heading(self, text: str, size: int = 14) -> None:
        self._pdf.set_font(self._family, "B", size)
        self._pdf.multi_cell(0, size * 0.55, self._text(text), new_x="LMARGIN", new_y="NEXT")
        self._pdf.ln(1.5)

    def paragraph(self, *lines: str, size: int = 10, bold: bool = False) -> None:
        self._pdf.set_font(self._family, "B" if bold else "", size)
        for line in lines:
            self._pdf.multi_cell(0, size * 0.5, self._text(line), new_x="LMARGIN", new_y="NEXT")
        self._pdf.ln(2)

    def key_values(self, rows: Sequence[tuple[str, object]], label_width: float = 50, size: int = 10) -> None:
        for label, value in rows:
            self._pdf.set_font(self._family, "B", size)
            self._pdf.cell(label_width, size * 0.55, self._text(label))
            self._pdf.set_font(self._family, "", size)
            self._pdf.multi_cell(0, size * 0.55, self._text(value), new_x="LMARGIN", new_y="NEXT")
        self._pdf.ln(2)

    def table(self, columns: Sequence[str], rows: Sequence[Sequence[object]], *, widths: Sequence[float] | None = None,
              numeric: Sequence[int] = (), size: int = 8) -> None:
        """A ruled table; `numeric` column indexes are right-aligned (amounts line up by their cents)."""
        widths = list(widths or [self.width / len(columns)] * len(columns))
        self._pdf.set_font(self._family, "B", size - 1)
        self._pdf.set_fill_color(230, 230, 230)
        for index, column in enumerate(columns):
            self._pdf.cell(widths[index], size * 0.7, self._text(column), border=1, fill=True,
                           align="R" if index in numeric else "L")
        self._pdf.ln()
        self._pdf.set_font(self._family, "", size)
        for row in rows:
            for index, value in enumerate(row):
                self._pdf.cell(widths[index], size * 0.65, self._text(value), border=1,
                               align="R" if index in numeric else "L")
            self._pdf.ln()
        self._pdf.ln(3)

    def cut_line(self, caption: str) -> None:
        """A dashed line to tear along: what is below it goes back with the payment."""
        y = self._pdf.get_y() + 3
        self._pdf.set_dash_pattern(dash=2, gap=1.5)
        self._pdf.line(MARGIN, y, self._pdf.w - MARGIN, y)
        self._pdf.set_dash_pattern()
        self._pdf.set_y(y + 1)
        self._pdf.set_font(self._family, "", 7)
        self._pdf.cell(0, 4, self._text(caption), align="C", new_x="LMARGIN", new_y="NEXT")
        self._pdf.ln(2)

    def keep_together(self, height_mm: float) -> None:
        """Starts a new page when fewer than `height_mm` are left, so a block is never split."""
        if self._pdf.get_y() + height_mm > self._pdf.h - MARGIN:
            self._pdf.add_page()

    def at_page_bottom(self, height_mm: float) -> None:
        """Places the next `height_mm` of content at the foot of the page (where a tear-off stub belongs)."""
        self.keep_together(height_mm)
        self._pdf.set_y(max(self._pdf.get_y(), self._pdf.h - MARGIN - height_mm))

    def boxed(self, label: str, value: str, width: float = 60, size: int = 11) -> None:
        self._pdf.set_font(self._family, "B", size)
        self._pdf.cell(width, size * 0.75, self._text(label), border=1)
        self._pdf.set_font(self._family, "", size)
        self._pdf.cell(width, size * 0.75, self._text(value), border=1, align="R", new_x="LMARGIN", new_y="NEXT")

    def bytes(self) -> bytes:
        return bytes(self._pdf.output())
