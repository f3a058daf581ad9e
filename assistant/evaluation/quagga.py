"""quagga-enron: real Enron mails whose signatures their authors' annotators labelled (name,
emails, phones, company, title), forwarded by an owner, inline and as an attachment.

Scored: the forwarded author is found (an address or the name), each labelled field is right
(the name and company and title against any of the accepted spellings; emails and phones as
sets; an address the manifest lists must be found), and no other contact is returned: the
forwarded message's other recipients are not the owner's contacts. Evaluation only: nothing of
this corpus is trained on or copied into the project.
"""

from __future__ import annotations

from email.utils import getaddresses
from typing import Any

from assistant.domain import OwnerIdentity
from assistant.evaluation.contact_fields import norm_text
from assistant.evaluation.model import Case, Check

FIELDS = ("name", "emails", "phones", "company", "title")


def score_quagga(case: Case) -> list[Check]:
    from assistant.parsing import parse_message

    data = case.data
    (name, address), = getaddresses([data["owner"]])
    owner = OwnerIdentity(name=name, addresses=(address.lower(),), region=data["region"],
                          assistant_addresses=(data["assistant_address"],))
    parsed: dict[str, Any] = parse_message(case.read_bytes(data["input"]), owner).to_json()
    contacts: list[dict[str, Any]] = list(parsed["contacts"])
    want = data["expected_contact"]
    found = next((c for c in contacts if _is_person(want, c)), None)
    checks = [Check("person:found", found is not None, f"missing {want['name'][0]}")]
    if found is not None:
        contacts.remove(found)
        checks += [_field(label, want[label], found) for label in FIELDS if label in want]
    checks += [Check("person:extra", False, f"extra {c['name']} {c['emails']}") for c in contacts]
    return checks


def _is_person(want: dict, got: dict) -> bool:
    if {e.lower() for e in want["emails"]} & set(got["emails"]):
        return True
    names = {norm_text(n) for n in want["name"]}
    return bool(got["name"]) and norm_text(got["name"]) in names


def _field(label: str, accepted: list[str], got: dict) -> Check:
    value = got.get(label)
    if label == "emails":
        ok = {e.lower() for e in accepted} <= set(value or ())
    elif label == "phones":
        ok = set(accepted) == set(value or ())
    else:
        ok = norm_text(value) in {norm_text(a) for a in accepted}
    return Check(f"field:{label}", ok, "" if ok else f"got {value!r}, want {accepted!r}")
