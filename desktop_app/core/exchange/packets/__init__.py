"""Signed nomination packets: the format (format, round_data), the defences every archive from a stick gets
(archive: also for the return packets and rules packs to come), write one to a USB stick, check it anywhere,
extract and classify on receipt."""
from .drives import RemovableDrive, list_removable_drives
from .format import (BAD_SIGNATURE, CONFLICT, DEFAULT_LIMITS, DUPLICATE, ERROR, FORMAT_VERSION, MALFORMED,
                     OUT_OF_SEQUENCE, TAMPERED, UNTRUSTED_SIGNER, VALID, VERDICTS, Limits, Manifest, packet_file_name,
                     shown_escaped)
from .reader import (Classification, CommuneState, ExtractedPacket, Judge, PacketCheck, check_packet, classify,
                     classify_packet, extract_packet, is_packet, verdict_label, verify_packet)
from .round_data import RoundData
from .writer import PacketHeader, WrittenPacket, write_packet

__all__ = [
    "BAD_SIGNATURE", "CONFLICT", "DEFAULT_LIMITS", "DUPLICATE", "ERROR", "FORMAT_VERSION", "MALFORMED",
    "OUT_OF_SEQUENCE", "TAMPERED", "UNTRUSTED_SIGNER", "VALID", "VERDICTS", "Classification", "CommuneState",
    "ExtractedPacket", "Judge", "Limits", "Manifest", "PacketCheck", "PacketHeader", "RemovableDrive", "RoundData",
    "WrittenPacket", "check_packet", "classify", "classify_packet", "extract_packet", "is_packet",
    "list_removable_drives", "packet_file_name", "shown_escaped", "verdict_label", "verify_packet", "write_packet",
]
