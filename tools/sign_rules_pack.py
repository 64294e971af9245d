"""Sign a province's rules pack (run at the province, with the province's key — never at a commune).

Usage: python tools/sign_rules_pack.py PACK.json KEY.pem OUT.json [--new-key]
PACK.json holds the "pack" object (see desktop_app/core/nominations/rules_pack.py); KEY.pem is the province's
Ed25519 private key (PKCS#8 PEM; --new-key makes one there first). Prints the key's fingerprint: the province
publishes it (paper, its portal) so communes can check the pack before importing it.
"""
from __future__ import annotations

import argparse
import base64
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from desktop_app.core.fingerprints import format_fingerprint  # noqa: E402
from desktop_app.core.nominations.rules_pack import FORMAT, canonical, parse_pack  # noqa: E402


def sign(pack: dict, key: Ed25519PrivateKey) -> dict:
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    signature = base64.b64encode(key.sign(canonical(pack))).decode("ascii")
    return {"format": FORMAT, "schema_version": 1, "pack": pack, "public_key": public, "signature": signature}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pack")
    parser.add_argument("key")
    parser.add_argument("out")
    parser.add_argument("--new-key", action="store_true")
    args = parser.parse_args()
    key_path = Path(args.key)
    if args.new_key:
        key = Ed25519PrivateKey.generate()
        key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    else:
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    signed = sign(json.loads(Path(args.pack).read_text(encoding="utf-8")), key)
    checked = parse_pack(signed)
    Path(args.out).write_text(json.dumps(signed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {checked.label}")
    print(f"Dấu vân tay khóa ký của tỉnh: {format_fingerprint(checked.fingerprint)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
