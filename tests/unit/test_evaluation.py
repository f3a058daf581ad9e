"""``assistant eval``: comparison operators, tabulation, floors, crash handling, and the run over
the public corpora (skipped when ../shared/corpus is not there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation.model import CaseResult, Status, compare
from assistant.evaluation.names import expected_name
from assistant.evaluation.runner import Row, below_floor, evaluate, load_floors, run, tabulate

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.parametrize(
    ("op", "actual", "expected", "flags", "result"),
    [
        ("equals", "a", "a", "", True),
        ("trimmed_equals", " a\n", "a", "", True),
        ("contains", "abc", "b", "", True),
        ("not_contains", None, "b", "", True),
        ("regex", "x\nOn Monday:", "^On [^:]+:", "m", True),
        ("regex_matches", "x\nOn Monday:", "^On [^:]+:", "", False),
        ("regex_not_matches", "abc", "z", "", True),
        ("line_count_equals", "a\nb", 2, "", True),
        ("no_such_op", "a", "a", "", False),
    ],
)
def test_compare_applies_manifest_operators(op: str, actual: object, expected: object, flags: str,
                                            result: bool) -> None:
    assert compare(op, actual, expected, flags) is result


def test_tabulate_counts_crashes_as_scored_failures() -> None:
    # Given one pass, one crash and one case that is not applicable
    results = [
        CaseResult("c", "k", "1", Status.PASSED),
        CaseResult("c", "k", "2", Status.CRASHED, ("boom",)),
        CaseResult("c", "k", "3", Status.NOT_APPLICABLE, ("why",)),
    ]
    # When they are tabulated
    (row,) = tabulate(results)
    # Then the crash lowers the rate and the n/a case is left out of it
    assert (row.passed, row.scored, row.not_applicable, row.rate) == (1, 2, 1, 0.5)


def test_below_floor_lists_only_rows_under_their_floor() -> None:
    rows = [Row("a", "k", 9, 1, 0, 0), Row("b", "k", 5, 5, 0, 0), Row("c", "k", 0, 0, 0, 3)]
    assert below_floor(rows, {"a/k": 0.9, "b/k": 0.6, "c/k": 0.5}) == ["b/k"]


def test_expected_name_orders_tokens_and_drops_honorifics() -> None:
    tokens = [["Dr.", "PrefixOther"], ["RUSH,", "Surname"], ["WILLIE", "GivenName"],
              ["H", "MiddleInitial"]]
    assert expected_name(tokens) == "WILLIE H RUSH"
    assert expected_name([["Acme", "CorporationName"]]) is None


def _write_corpus(root: Path, cases: list[dict]) -> Path:
    folder = root / "talon"
    (folder / "in").mkdir(parents=True)
    (folder / "in" / "reply.txt").write_text("Test reply\n\nOn Mon, 1 Jan 2024, Bob <b@x.com> "
                                             "wrote:\n> old\n")
    (folder / "manifest.json").write_text(json.dumps({"cases": cases}))
    return root


@pytest.mark.dateless
def test_a_case_whose_input_is_missing_is_a_listed_crash(tmp_path: Path) -> None:
    # Given a corpus with one good case and one whose input file does not exist
    cases = [
        {"id": "good", "kind": "reply-quote-trimming", "input": "in/reply.txt",
         "input_format": "text/plain", "api": "extract_from_plain", "expected": "Test reply"},
        {"id": "bad", "kind": "reply-quote-trimming", "input": "in/missing.txt",
         "input_format": "text/plain", "api": "extract_from_plain", "expected": "x"},
    ]
    # When it is evaluated
    results = {r.case_id: r for r in evaluate(_write_corpus(tmp_path, cases))}
    # Then the good case passes and the bad one is a crash, not an abort
    assert results["good"].status is Status.PASSED
    assert results["bad"].status is Status.CRASHED


def test_run_writes_json_and_returns_zero_without_floors(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    cases = [{"id": "good", "kind": "reply-quote-trimming", "input": "in/reply.txt",
              "input_format": "text/plain", "api": "extract_from_plain", "expected": "Test reply"}]
    out = tmp_path / "out" / "eval.json"
    code = run(_write_corpus(tmp_path / "c", cases), json_out=out, enforce_floors=False,
               splits=())
    data = json.loads(out.read_text())
    assert code == 0
    assert data["rows"][0]["rate"] == 1.0
    assert "talon" in capsys.readouterr().out


@pytest.mark.dateless
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the public corpora live outside the repository")
def test_public_corpora_meet_the_floors_without_crashes() -> None:
    # Given the public corpora and the committed floors
    results = evaluate(CORPUS)
    rows = tabulate(results)
    floors = load_floors()
    # Then no case crashes and no pass rate is under its floor
    assert [r.case_id for r in results if r.status is Status.CRASHED] == []
    assert below_floor(rows, floors) == []
    assert floors, "floors.json must not be empty"


def test_fields_are_scored_by_their_words_not_by_presence() -> None:
    from assistant.evaluation.contact_fields import field_right

    # Given expected needs and a context
    # When the parser returns other words, or the same words phrased differently
    # Then only an overlap of the content words counts, and presence alone does not
    assert field_right("needs", ["a seed investor"], ["seed investor"])
    assert not field_right("needs", ["a seed investor"], ["a packaging designer"])
    assert not field_right("needs", [], ["investors"])
    assert field_right("context", "Met her at the port expo", "met at the port expo")
    assert not field_right("context", None, "Great meeting you")


def test_the_name_is_scored_even_when_the_address_matches() -> None:
    from assistant.evaluation.contact_fields import contact_checks

    # Given a contact found by its address but named after its company
    want = {"name": "Marcus Bell", "emails": ["marcus@tiller.com"]}
    got = {"name": "Tiller Finance", "emails": ["marcus@tiller.com"]}
    # When it is scored
    checks = {c.target: c.ok for c in contact_checks([want], [got])}
    # Then the person is found and the name is wrong
    assert checks["person:found"] and not checks["field:name"]


def test_extra_contacts_are_counted_against_precision() -> None:
    from assistant.evaluation.contact_fields import contact_checks
    from assistant.evaluation.labels import summary

    # Given one expected contact and two returned
    checks = contact_checks([{"name": "A B", "emails": ["a@x.io"]}],
                            [{"name": "A B", "emails": ["a@x.io"]}, {"name": None,
                                                                     "emails": ["cc@x.io"]}])
    tallies: dict[str, list[int]] = {}
    for check in checks:
        tally = tallies.setdefault(check.target, [0, 0])
        tally[0] += int(check.ok)
        tally[1] += 1
    # Then recall is whole and precision is halved
    head = summary(tallies)
    assert (head["recall"], head["precision"], head["extra_contacts"]) == (1.0, 0.5, 1)


def test_private_words_are_the_notes_words_in_no_expected_field() -> None:
    from assistant.evaluation.own_corpus import private_words, template_words

    # Given a note with a private remark and the fields expected from it
    expected = {"owner_note": "Met Lucia at the design week; she is going through a divorce. "
                              "I promised her the catalogue.",
                "contacts": [{"name": "Lucia Moreno", "context": "Met at the design week",
                              "promises": ["the catalogue"]}]}
    # When its private words are listed
    private = private_words(expected) - template_words()
    # Then the remark's words are private, the slots' words and the templates' own are not
    assert {"going", "divorce"} <= private
    assert not {"design", "catalogue", "promised"} & private


def test_a_weekday_the_drafts_name_from_the_meeting_date_is_no_private_word() -> None:
    from assistant.evaluation.contact_fields import norm_text
    from assistant.evaluation.own_corpus import private_words, template_words

    # Given a note that says on which day the owner met the person (the draft names that day,
    # "It was great to meet you ... on Sunday", from the meeting's date)
    expected = {"owner_note": "met her at the castries jazz brunch sunday. her mum's in "
                              "hospital, don't bring it up.",
                "contacts": [{"name": "kezia", "context": "castries jazz brunch"}]}
    # When its private words are listed
    private = private_words(expected) - template_words()
    # Then every weekday the templates can write, in each of their languages, is theirs
    assert "sunday" not in private and {"hospital", "bring"} <= private
    for day in ("tuesday", "sunday", "dienstag", "dimanche", "martes", "domingo"):
        assert norm_text(day) in template_words()


@pytest.mark.parametrize("written", ["www.example.org", "https://www.example.org/",
                                     "http://example.org", "EXAMPLE.org"])
def test_a_web_site_is_the_same_with_or_without_its_scheme_or_www(written: str) -> None:
    from assistant.evaluation.contact_fields import field_right

    assert field_right("urls", ["https://www.example.org"], [written])
    assert not field_right("urls", ["https://www.example.org"], ["https://example.com"])
