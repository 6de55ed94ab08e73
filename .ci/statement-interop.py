#!/usr/bin/env python3
"""Interop for signed statements, with an independent implementation: Python's `cryptography`
for Ed25519 and the `jcs` package for RFC 8785.

  statement-interop.py check FILE            verify a statement jobcoach signed (exit 0/1)
  statement-interop.py sign OUT              sign a statement in Python; print its did:key
  statement-interop.py check-register FILE STATEMENT
                                             verify a public register jobcoach signed and its
                                             revocation list (W3C Bitstring Status List), in
                                             which STATEMENT must be revoked
"""
import base64
import copy
import gzip
import hashlib
import json
import sys

import jcs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives import serialization

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, digit = divmod(number, 58)
        text = ALPHABET[digit] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def b58decode(text: str) -> bytes:
    number = 0
    for character in text:
        number = number * 58 + ALPHABET.index(character)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def did_of(public: bytes) -> str:
    return "did:key:z" + b58encode(b"\xed\x01" + public)


def key_of(did: str) -> bytes:
    assert did.startswith("did:key:z"), did
    raw = b58decode(did.split("#")[0][len("did:key:z"):])
    assert raw[:2] == b"\xed\x01" and len(raw) == 34, "not an Ed25519 did:key"
    return raw[2:]


def hash_data(document: dict, options: dict) -> bytes:
    """eddsa-jcs-2022: SHA-256 of the canonical proof configuration, then of the document."""
    config = dict(options)
    config.pop("proofValue", None)
    if "@context" in document:
        config["@context"] = document["@context"]
    return hashlib.sha256(jcs.canonicalize(config)).digest() + hashlib.sha256(
        jcs.canonicalize(document)).digest()


def check(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        secured = json.load(handle)
    unsecured = copy.deepcopy(secured)
    proof = unsecured.pop("proof")
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-jcs-2022"
    assert proof["verificationMethod"].split("#")[0] == secured["issuer"], "issuer is not signer"
    signature = b58decode(proof["proofValue"][1:])
    public = Ed25519PublicKey.from_public_bytes(key_of(proof["verificationMethod"]))
    try:
        public.verify(signature, hash_data(unsecured, proof))
    except InvalidSignature:
        print(f"{path}: signature does not verify")
        return 1
    # And a change in any field must break it.
    altered = copy.deepcopy(unsecured)
    altered["credentialSubject"]["eligible"] = not altered["credentialSubject"]["eligible"]
    try:
        public.verify(signature, hash_data(altered, proof))
        print(f"{path}: an altered statement still verifies")
        return 1
    except InvalidSignature:
        pass
    print(f"{path}: the signature of {secured['issuer']} holds (Python cryptography + jcs)")
    return 0


def verify_proof(secured: dict) -> bool:
    """Whether the document's eddsa-jcs-2022 proof is its issuer's signature over it."""
    unsecured = copy.deepcopy(secured)
    proof = unsecured.pop("proof")
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-jcs-2022"
    assert proof["verificationMethod"].split("#")[0] == secured["issuer"], "issuer is not signer"
    public = Ed25519PublicKey.from_public_bytes(key_of(proof["verificationMethod"]))
    try:
        public.verify(b58decode(proof["proofValue"][1:]), hash_data(unsecured, proof))
        return True
    except InvalidSignature:
        return False


def check_register(path: str, statement_path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        register = json.load(handle)
    with open(statement_path, encoding="utf-8") as handle:
        statement = json.load(handle)
    if not verify_proof(register):
        print(f"{path}: the register's signature does not verify")
        return 1
    altered = copy.deepcopy(register)
    altered["entries"][0]["name"] += "x"
    if verify_proof(altered):
        print(f"{path}: an altered register still verifies")
        return 1
    status_list = register["statusList"]
    if status_list["issuer"] != register["issuer"] or not verify_proof(status_list):
        print(f"{path}: the revocation list is not signed by the register's issuer")
        return 1
    encoded = status_list["credentialSubject"]["encodedList"]
    assert encoded.startswith("u"), "not multibase base64url"
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 >= 131072, "a status list has at least 131,072 bits"
    entry = statement["credentialStatus"]
    assert entry["statusListCredential"] == status_list["id"], "the statement names another list"
    index = int(entry["statusListIndex"])
    revoked = bits[index // 8] >> (7 - index % 8) & 1
    others = sum(bin(byte).count("1") for byte in bits) - revoked
    if not revoked or others:
        print(f"{path}: place {index} should be the only one set (set: {revoked}, others: {others})")
        return 1
    print(f"{path}: the register and its revocation list hold; statement place {index} is "
          f"revoked (Python cryptography + jcs + gzip)")
    return 0


def sign(path: str) -> int:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    did = did_of(public)
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "JobcoachVerificationStatement"],
        "issuer": did,
        "validFrom": "2026-03-02T00:00:00+01:00",
        "validUntil": "2026-12-31T23:59:59+01:00",
        "credentialSubject": {
            "type": "JobcoachVerification", "name": "Zoë Çelik", "kind": "external",
            "verifiedOn": "2026-03-02", "eligible": True, "hours": 1400.5, "count": 81,
            "rules": [{"rule": "Q-EXT-1", "outcome": "met", "evidence": ["UWV-€-1"]}],
        },
    }
    options = {
        "type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022",
        "verificationMethod": did + "#" + did[len("did:key:"):], "proofPurpose": "assertionMethod",
    }
    signature = key.sign(hash_data(document, options))
    options["proofValue"] = "z" + b58encode(signature)
    document["proof"] = options
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
    print(did)
    return 0


if __name__ == "__main__":
    command, path = sys.argv[1], sys.argv[2]
    if command == "check-register":
        sys.exit(check_register(path, sys.argv[3]))
    sys.exit(check(path) if command == "check" else sign(path))
