"""Signed nomination packets: write one to a USB stick, check it anywhere, extract and classify on receipt."""
from .drives import RemovableDrive, list_removable_drives
from .format import (BAD_SIGNATURE, DEFAULT_LIMITS, DUPLICATE, FORMAT_VERSION, MALFORMED, OUT_OF_SEQUENCE, TAMPERED,
                     UNTRUSTED_SIGNER, VALID, VERDICTS, Limits, Manifest, packet_file_name)
from .reader import (Classification, CommuneState, ExtractedPacket, PacketCheck, check_packet, classify_packet,
                     extract_packet, verdict_label, verify_packet)
from .writer import PacketHeader, WrittenPacket, write_packet

__all__ = [
    "BAD_SIGNATURE", "DEFAULT_LIMITS", "DUPLICATE", "FORMAT_VERSION", "MALFORMED", "OUT_OF_SEQUENCE", "TAMPERED",
    "UNTRUSTED_SIGNER", "VALID", "VERDICTS", "Classification", "CommuneState", "ExtractedPacket", "Limits",
    "Manifest", "PacketCheck", "PacketHeader", "RemovableDrive", "WrittenPacket", "check_packet",
    "classify_packet", "extract_packet", "list_removable_drives", "packet_file_name", "verdict_label",
    "verify_packet", "write_packet",
]
