"""Schemathesis hooks for the contract run (loaded through SCHEMATHESIS_HOOKS).

The contract bounds some strings in UTF-8 bytes with the `x-max-utf8-bytes`
extension (a password: bcrypt reads 72 bytes and no further), which JSON Schema
cannot say. scripts/contract-test.mjs collects those bounds from the contract
into NEXUS_CONTRACT_BYTE_LIMITS ({"POST /api/users": {"password": 72}}) and this
hook keeps generated bodies that break one of them out of the cases that must be
accepted — the same as any other keyword of the schema.

An uploaded document is read by its bytes; the contract names the media types its
`file` part may be (`encoding.file.contentType` of POST /api/documents). Left
alone, Schemathesis fills a binary part with pictures and random bytes, which the
API rightly refuses (422). The text types below are registered so that the part
gets files of those types, with generated content: text that is really plain
text, CSV rows, an e-mail. (The binary types — XLSX, DOCX, PDF — have no
generator here; documents-api and documents-corpus tests upload real ones.)
Where Schemathesis still fills the part its own way (in cases built around a
mutation elsewhere), a file that is none of the declared types is kept out of
the cases that must be accepted, like any value outside its schema
(NEXUS_CONTRACT_PART_TYPES, collected by contract-test.mjs).

The run draws some ids from records it made first (scripts/lib/contract-fixtures.mjs:
a quote with lines, a conversation with a member, an extracted document with
items). Schemathesis reuses any id it has seen in an answer, so a DELETE or a
transition would soon take them away; NEXUS_CONTRACT_UNTOUCHABLE names, per
operation, the path parameters that must not name one of them, and such a call
goes to an id that names nothing instead.

The gateway's ticket redeem draws from single-use tickets made for the run (from
the origin the run allows), so its success path is reached too.

Nothing else is filtered.
"""

import json
import os
import uuid

import schemathesis
from hypothesis import strategies as st

_LIMITS = json.loads(os.environ.get("NEXUS_CONTRACT_BYTE_LIMITS") or "{}")
_PART_TYPES = json.loads(os.environ.get("NEXUS_CONTRACT_PART_TYPES") or "{}")
_UNTOUCHABLE = json.loads(os.environ.get("NEXUS_CONTRACT_UNTOUCHABLE") or "{}")


def _utf8_length(value: str) -> int:
    # Generated strings may hold lone surrogates; they go on the wire as \\uXXXX escapes.
    return len(value.encode("utf-8", errors="surrogatepass"))


def _text(data: bytes) -> bool:
    """Bytes the API reads as text: UTF-8 without NUL, with something in it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and any(c.isalnum() for c in text)


def _of_type(data: bytes, media_type: str) -> bool:
    if media_type in ("text/plain", "text/csv", "message/rfc822"):
        return _text(data)
    if media_type == "application/pdf":
        return data.startswith(b"%PDF-")
    if media_type.startswith("application/vnd.openxmlformats-officedocument."):
        return data.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in data
    return False


@schemathesis.hook
def filter_body(context, body):
    operation = context.operation
    if operation is None or not isinstance(body, dict):
        return True
    for field, limit in _LIMITS.get(operation.label, {}).items():
        value = body.get(field)
        if isinstance(value, str) and not hasattr(value, "data") and _utf8_length(value) > limit:
            return False
    # A file part holds a file of one of its declared media types — not a picture or random bytes.
    for part, media_types in _PART_TYPES.get(operation.label, {}).items():
        value = body.get(part)
        # Schemathesis' own binary values are `Binary` (a str holding `.data`); registered strategies give bytes.
        data = getattr(value, "data", value)
        if isinstance(data, (bytes, bytearray)) and not any(_of_type(bytes(data), t) for t in media_types):
            return False
    return True


# Any character but NUL (refused in every request) and lone surrogates (not encodable as UTF-8).
_CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
# A document with nothing readable in it is refused (422 "holds no text"): at least one letter or digit.
_TEXT = st.text(_CHARACTERS, min_size=1, max_size=2000).filter(lambda text: any(c.isalnum() for c in text))
_CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=",;\""), max_size=40)


@st.composite
def _csv(draw):
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    width = draw(st.integers(min_value=1, max_value=6))
    rows = draw(st.lists(st.lists(_CELL, min_size=width, max_size=width), min_size=1, max_size=30))
    text = "\r\n".join(delimiter.join(row) for row in rows)
    if not any(c.isalnum() for c in text):
        text += "\r\nitem" + delimiter * (width - 1)
    return text


@st.composite
def _email(draw):
    subject = draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
    body = draw(_TEXT)
    return f"From: buyer@example.com\r\nTo: sales@example.com\r\nSubject: {subject}\r\n\r\n{body}"


def _utf8(strategy):
    return strategy.map(lambda text: text.encode("utf-8"))


schemathesis.openapi.media_type("text/plain", _utf8(_TEXT))
schemathesis.openapi.media_type("text/csv", _utf8(_csv()))
schemathesis.openapi.media_type("message/rfc822", _utf8(_email()))


@schemathesis.hook
def before_call(context, case, kwargs):
    # Every phase goes through here (examples and coverage too, which take no filters): an id naming a fixture
    # is swapped for one that names nothing, which the operation answers like any unknown id.
    operation = context.operation
    if operation is None or not case.path_parameters:
        return
    for name, ids in _UNTOUCHABLE.get(operation.label, {}).items():
        if case.path_parameters.get(name) in ids:
            case.path_parameters[name] = str(uuid.uuid4())
