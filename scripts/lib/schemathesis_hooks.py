"""Schemathesis hooks for the contract run (loaded through SCHEMATHESIS_HOOKS).

The contract bounds some strings in UTF-8 bytes with the `x-max-utf8-bytes`
extension (a password: bcrypt reads 72 bytes and no further), which JSON Schema
cannot say. scripts/contract-test.mjs collects those bounds from the contract
into NEXUS_CONTRACT_BYTE_LIMITS ({"POST /api/users": {"password": 72}}) and this
hook keeps generated bodies that break one of them out of the cases that must be
accepted — the same as any other keyword of the schema. Nothing else is filtered.
"""

import json
import os

import schemathesis

_LIMITS = json.loads(os.environ.get("NEXUS_CONTRACT_BYTE_LIMITS") or "{}")


def _utf8_length(value: str) -> int:
    # Generated strings may hold lone surrogates; they go on the wire as \\uXXXX escapes.
    return len(value.encode("utf-8", errors="surrogatepass"))


@schemathesis.hook
def filter_body(context, body):
    operation = context.operation
    limits = _LIMITS.get(operation.label) if operation is not None else None
    if not limits or not isinstance(body, dict):
        return True
    for field, limit in limits.items():
        value = body.get(field)
        if isinstance(value, str) and _utf8_length(value) > limit:
            return False
    return True
