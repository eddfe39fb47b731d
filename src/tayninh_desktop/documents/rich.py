"""A typed body (``domain.rich_text``) as paragraphs of the party document: the clerk's text escaped, the only
markup the one the editor offers (bold runs, the number of a numbered point)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from tayninh_desktop.documents.blocks import RenderContext
from tayninh_desktop.documents.forms import BodyBlock
from tayninh_desktop.documents.styles import styles_for
from tayninh_desktop.domain.rich_text import BodyParagraph, Run


def run_markup(run: Run) -> str:
    """One run as reportlab paragraph markup: its text escaped (never read as tags), bold if it is bold."""
    text = escape(run.text).replace("\n", "<br/>").replace("\t", "&nbsp;" * 4)
    return f"<b>{text}</b>" if run.bold else text


def number_text(block: BodyBlock, number: int) -> str:
    """A numbered point's number as printed ("2.", "Điều 2.")."""
    return block.number_format.replace("{n}", str(number))


def paragraph_markup(block: BodyBlock, paragraph: BodyParagraph) -> str:
    text = "".join(run_markup(run) for run in paragraph.runs)
    if paragraph.number is None:
        return text
    number = escape(number_text(block, paragraph.number))
    return f"{f'<b>{number}</b>' if block.number_bold else number} {text}"


def body_flowables(block: BodyBlock, body: tuple[BodyParagraph, ...], ctx: RenderContext) -> list[Flowable]:
    styles = styles_for(ctx.settings)
    out: list[Flowable] = []
    heading_done = not block.points_heading
    for paragraph in body:
        if paragraph.number is not None and not heading_done:
            out.append(Paragraph(escape(block.points_heading), styles.center_bold))
            heading_done = True
        out.append(Paragraph(paragraph_markup(block, paragraph), styles.body))
    return out
