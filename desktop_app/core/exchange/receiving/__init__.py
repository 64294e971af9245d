"""Receiving packets at the upper level, in five parts: trust (the workspace's role, trusted and retired keys, a
commune's state), lock (one receiver at a time per workspace), intake (one packet: copy off the stick, check,
classify, keep or quarantine, import — every packet recorded whatever happens), importer (the packet's data into
the database, by the commune's uids, never touching another commune's) and queries (what the receiving screen
lists, and what it may open)."""
from ...register.communes import make_receiver_workspace
from .importer import ImportDataError
from .intake import (ImportReport, ReceiveResult, accept_out_of_order, confirm_and_import, receive_many,
                     receive_packet, reject_pending, scan_for_packets)
from .lock import Holder, current_holder, receiver_lock
from .queries import (get_received_packet, imported_rounds, is_safe_to_open, pending_confirmations, received_packets,
                      record_fingerprint_display, record_outcome_label, record_reason_text, record_verdict_label,
                      round_document_files, round_documents_folder)
from .trust import (ACCEPTED_OUTCOMES, DUPLICATE_OUTCOME, IMPORTED, NEEDS_CONFIRMATION, REJECTED, RESOLVED, SUPERSEDED,
                    active_keys, commune_state, require_receiver, retire_key, trust_key,
                    trusted_keys)

__all__ = [
    "ImportDataError", "ImportReport", "ReceiveResult", "accept_out_of_order", "confirm_and_import", "receive_many",
    "receive_packet", "reject_pending", "scan_for_packets", "get_received_packet", "imported_rounds",
    "pending_confirmations", "received_packets", "record_fingerprint_display", "record_outcome_label",
    "record_reason_text", "record_verdict_label", "round_document_files", "round_documents_folder",
    "Holder", "current_holder", "receiver_lock", "is_safe_to_open", "active_keys", "retire_key",
    "ACCEPTED_OUTCOMES", "DUPLICATE_OUTCOME", "IMPORTED", "NEEDS_CONFIRMATION", "REJECTED", "RESOLVED", "SUPERSEDED",
    "commune_state", "make_receiver_workspace", "require_receiver", "trust_key", "trusted_keys",
]
