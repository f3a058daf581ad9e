"""The feed parser's boundary lines matched without compiling a pattern per message: the
same answers as the ``email`` package's own pattern, and the same messages read."""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parsing import mime
from assistant.parsing.mime import _BoundaryLine, _parse_bytes, read_message


def _stock(separator: str) -> re.Pattern[str]:
    # email.feedparser's pattern, as it compiles it
    return re.compile('(?P<sep>' + re.escape(separator) +
                      r')(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$')


def _same(separator: str, line: str) -> None:
    stock = _stock(separator).match(line)
    ours = _BoundaryLine(separator).match(line)
    assert (stock is None) == (ours is None), (separator, line)
    if stock is not None and ours is not None:
        assert ours.group("end") == stock.group("end"), (separator, line)
        assert ours.group("linesep") == stock.group("linesep"), (separator, line)


SEPARATORS = ["--b", "--===============123==", "--a.b*c+d?(e)[f]", "--x--", "--"]
TAILS = ["", "\n", "\r\n", "\r", "--", "--\n", "--\r\n", "--\r", " ", " \t\n", "--  \r\n",
         "x", "x\n", "\n\n", "\r\n\n", "\r\r", "\r\n\r", "-", "---\n", "\t--\n", " --\n",
         "--\n\n", "--\r\n\n", "\n\r", "-- x", "\n\n\n"]


def test_boundary_lines_as_the_stock_pattern() -> None:
    for separator in SEPARATORS:
        for tail in TAILS:
            _same(separator, separator + tail)
            _same(separator, "x" + separator + tail)
            _same(separator, separator[:-1] + tail)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(SEPARATORS), st.text(alphabet="-x \t\r\n", max_size=8))
def test_any_tail_as_the_stock_pattern(separator: str, tail: str) -> None:
    _same(separator, separator + tail)


def _message(boundary: str | None = None, nested: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Sam <sam@example.com>"
    message["To"] = "assistant@example.com"
    message["Subject"] = "Met Jane"
    message.set_content("Jane Doe, CTO of Acme, wants an SRE.\n")
    message.add_alternative("<p>Jane Doe, CTO of Acme</p>", subtype="html")
    if nested:
        inner = EmailMessage()
        inner["From"] = "Jane <jane@acme.example>"
        inner["Subject"] = "Hello"
        inner.set_content("Hi Sam\n")
        message.add_attachment(inner)
    raw = message.as_bytes()
    if boundary is not None:
        old = message.get_boundary()
        assert old is not None
        raw = raw.replace(old.encode(), boundary.encode())
    return raw


def test_messages_read_as_the_stock_parser_reads_them() -> None:
    assert mime._PARSEGEN is not None  # this Python's feed parser is the expected one
    samples = [_message(), _message(nested=True), _message(boundary="a.b*c+(d)?"),
               _message().replace(b"\n", b"\r\n"),
               _message().rsplit(b"--", 2)[0],  # no closing boundary
               b"Content-Type: multipart/mixed; boundary=zz\n\npreamble\n--zz \t\nx\n--zz--  \n"
               b"epilogue\n",
               b"Content-Type: multipart/mixed\n\nno boundary\n"]
    for raw in samples:
        stock = BytesParser(policy=default).parsebytes(raw)
        ours = _parse_bytes(raw, default)
        assert ours.as_bytes() == stock.as_bytes()
        assert [p.get_content_type() for p in ours.walk()] == \
            [p.get_content_type() for p in stock.walk()]
        assert [type(d) for d in ours.defects] == [type(d) for d in stock.defects]
        assert ours.preamble == stock.preamble and ours.epilogue == stock.epilogue
    view = read_message(_message(nested=True))
    assert view.text.startswith("Jane Doe, CTO of Acme")
    assert view.embedded and view.embedded[0].text == "Hi Sam"
