"""mime.py: decoding that survives real mail, tested on literal bytes."""

from __future__ import annotations

import pytest

from assistant.parsing.mime import (
    MAX_HTML,
    MAX_LINKS,
    decode_bytes,
    html_to_text,
    looks_like_message,
    read_message,
)


def test_declared_charset_is_used_first() -> None:
    # Given a latin-1 body declared as such
    raw = (b"From: a@x.com\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
           b"Ren\xe9 Br\xfchl\r\n")
    # When it is read
    view = read_message(raw)
    # Then the accents survive
    assert view.text == "René Brühl"


def test_wrong_declared_charset_falls_back_to_utf8() -> None:
    # Given UTF-8 bytes declared as us-ascii
    raw = "From: a@x.com\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSørensen\r\n".encode()
    # Then the fallback chain decodes them as UTF-8
    assert read_message(raw).text == "Sørensen"


def test_unknown_charset_label_falls_back() -> None:
    raw = b"From: a@x.com\r\nContent-Type: text/plain; charset=x-mystery\r\n\r\nChlo\xe9\r\n"
    assert read_message(raw).text == "Chloé"


def test_charset_alias_is_mapped() -> None:
    assert decode_bytes("한국".encode("cp949"), "ks_c_5601-1987") == "한국"


def test_quoted_printable_and_base64_bodies() -> None:
    head = b"From: a@x.com\r\nContent-Type: text/plain; charset=utf-8\r\n"
    qp = head + b"Content-Transfer-Encoding: quoted-printable\r\n\r\nZo=C3=AB\r\n"
    b64 = head + b"Content-Transfer-Encoding: base64\r\n\r\nWm/Dqw==\r\n"
    assert read_message(qp).text == "Zoë"
    assert read_message(b64).text == "Zoë"


def test_html_only_keeps_links_and_lines() -> None:
    # Given an HTML-only body with a link and a line break
    html = '<p>Met <b>Hannah</b><br>see <a href="https://parcelwise.com">Parcelwise</a></p><script>x()</script>'
    # When converted
    text = html_to_text(html)
    # Then the link target is kept beside its text and scripts are gone
    assert "Met Hannah\nsee Parcelwise (https://parcelwise.com)" in text
    assert "x()" not in text


def test_html_only_message_is_flagged() -> None:
    raw = b"From: a@x.com\r\nContent-Type: text/html\r\n\r\n<div>Hello <i>there</i></div>\r\n"
    view = read_message(raw)
    assert view.html_only and view.text == "Hello there"


def test_junk_header_falls_back_to_raw_text() -> None:
    # Given an address header the email package cannot parse
    raw = (b'From: a@x.com\r\nTo: <<<>>>@@, "unterminated\r\n'
           b"Subject: =?utf-8?q?Caf=C3=A9?=\r\n\r\nbody\r\n")
    view = read_message(raw)
    # Then the header is still readable text and the subject decoded (RFC 2047)
    assert isinstance(view.header("To"), str)
    assert view.header("From") == "a@x.com"
    assert view.subject == "Café"


def test_attachments_are_sorted_into_vcards_images_and_messages() -> None:
    raw = (
        b"From: a@x.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nnote\r\n"
        b"--b\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Disposition: attachment; filename=j.vcf\r\n\r\n"
        b"BEGIN:VCARD\r\nFN:J\r\nEND:VCARD\r\n"
        b"--b\r\nContent-Type: image/jpeg\r\n"
        b"Content-Disposition: attachment; filename=c.jpg\r\n\r\nxx\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: j@y.com\r\nSubject: inner\r\n\r\ninner body\r\n"
        b"--b--\r\n"
    )
    view = read_message(raw)
    assert view.text == "note"
    assert "FN:J" in view.vcards[0]
    assert view.images[0].filename == "c.jpg"
    assert view.embedded[0].subject == "inner" and view.embedded[0].text == "inner body"


def test_nesting_depth_is_bounded() -> None:
    # Given 30 message/rfc822 parts nested in each other
    raw = b"From: a@x.com\r\nContent-Type: text/plain\r\n\r\ndeepest\r\n"
    for _ in range(30):
        raw = b"From: a@x.com\r\nContent-Type: message/rfc822\r\n\r\n" + raw
    # When read, Then the walk stops without error
    view = read_message(raw)
    depth = 0
    while view.embedded:
        view, depth = view.embedded[0], depth + 1
    assert depth <= 11


def test_message_detection() -> None:
    assert looks_like_message(b"From: a@x.com\r\n\r\nhi")
    assert looks_like_message(b"From sender Mon Jan 1\nSubject: x\n\nhi")
    assert not looks_like_message(b"")
    assert not looks_like_message(b"\x00\x01\x02\x03" * 100)
    assert not looks_like_message(b"just some words\nand more")


@pytest.mark.timeout(60)  # a guard only: the conversion takes well under a second
def test_nesting_depth_does_not_change_the_text() -> None:
    # Given the same sentence inside 3 and inside 50,000 nested blocks and links
    def nested(depth: int) -> str:
        return ("<div><b>" * depth + 'Met <a href="https://x.com">Jane</a><br>Okafor'
                + "</b></div>" * depth)
    # When converted
    shallow, deep = html_to_text(nested(3)), html_to_text(nested(50_000))
    # Then both read the same: a newline per block is folded, the link is "text (url)"
    assert shallow == deep == "Met Jane (https://x.com)\nOkafor"


@pytest.mark.timeout(60)  # a guard only: the conversion takes well under a second
@pytest.mark.parametrize("void", ["<br>", "<img>"])
def test_void_tags_then_closing_tags_up_to_the_limit_keep_the_last_words(void: str) -> None:
    # Given MAX_HTML characters of void tags, then as many closing tags, then a sentence
    tail = "Met Jane Okafor"
    count = (MAX_HTML - len(tail)) // (len(void) + len("</b>"))
    html = void * count + "</b>" * count + tail
    # When converted
    text = html_to_text(html)
    # Then the sentence at the very end is read
    assert len(html) <= MAX_HTML
    assert text.endswith(tail)


def test_text_after_deep_nesting_is_kept() -> None:
    # Given a sentence after 1,000 nested blocks (deeper than libxml2 builds a tree)
    html = "<div>" * 1000 + "Met" + "</div>" * 1000 + "<p>Jane Okafor</p>"
    # When converted
    text = html_to_text(html)
    # Then what follows the nesting is still read
    assert text == "Met\n\nJane Okafor"


def test_a_lone_surrogate_does_not_end_the_text() -> None:
    # Given HTML decoded from UTF-7, which can yield a lone surrogate
    html = b"<p>Met +2AA- Jane Okafor</p>".decode("utf-7")
    # When converted
    text = html_to_text(html)
    # Then the surrogate becomes a replacement character and the rest is read
    assert text == "Met \ufffd Jane Okafor"


def test_links_nested_in_links_are_read_in_document_order() -> None:
    # Given a link whose text shows its own address, holding another link (invalid, but sent)
    html = ('<a href="https://a.com">https://a.com and <a href="https://b.com">Bea</a></a> '
            '<a href="mailto:c@c.com">Cy</a><!-- hidden --><template>also hidden</template>')
    # When converted
    text = html_to_text(html)
    # Then the outer link stays text, the inner one gets its address, comments stay out
    assert text == "https://a.com and Bea (https://b.com) Cy"


def test_only_the_first_links_get_their_address() -> None:
    # Given more links than MAX_LINKS
    html = "".join(f'<a href="https://e{i}.com">e{i}</a><br>' for i in range(MAX_LINKS + 2))
    # When converted
    lines = html_to_text(html).splitlines()
    # Then the first MAX_LINKS keep their address and the rest keep their text
    assert lines[MAX_LINKS - 1] == f"e{MAX_LINKS - 1} (https://e{MAX_LINKS - 1}.com)"
    assert lines[MAX_LINKS:] == [f"e{MAX_LINKS}", f"e{MAX_LINKS + 1}"]
