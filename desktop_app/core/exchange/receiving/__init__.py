"""Receiving packets at the upper level, in four parts: trust (the workspace's role, trusted keys, a commune's
state), intake (one packet: copy off the stick, check, classify, keep or quarantine, import), importer (the
packet's data into the database, by the commune's uids) and queries (what the receiving screen lists)."""
from ...register.communes import make_receiver_workspace
from .importer import ImportDataError
from .intake import (ImportReport, ReceiveResult, accept_out_of_order, confirm_and_import, receive_many,
                     receive_packet, reject_pending, scan_for_packets)
from .queries import (get_received_packet, imported_rounds, pending_confirmations, received_packets,
                      record_fingerprint_display, record_outcome_label, record_reason_text, record_verdict_label,
                      round_document_files, round_documents_folder)
from .trust import (ACCEPTED_OUTCOMES, DUPLICATE_OUTCOME, IMPORTED, NEEDS_CONFIRMATION, REJECTED, RESOLVED, SUPERSEDED,
                    commune_state, require_receiver, trust_key, trusted_keys)

__all__ = [
    "ImportDataError", "ImportReport", "ReceiveResult", "accept_out_of_order", "confirm_and_import", "receive_many",
    "receive_packet", "reject_pending", "scan_for_packets", "get_received_packet", "imported_rounds",
    "pending_confirmations", "received_packets", "record_fingerprint_display", "record_outcome_label",
    "record_reason_text", "record_verdict_label", "round_document_files", "round_documents_folder",
    "ACCEPTED_OUTCOMES", "DUPLICATE_OUTCOME", "IMPORTED", "NEEDS_CONFIRMATION", "REJECTED", "RESOLVED", "SUPERSEDED",
    "commune_state", "make_receiver_workspace", "require_receiver", "trust_key", "trusted_keys",
]
