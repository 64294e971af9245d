"""Receiving level (issue 11): one accepted record per packet of a commune, and retired keys.

- received_packet: a packet id is the commune's own — at most one accepted record (imported or superseded) per
  commune code and packet id (a partial unique index). Two receives that ran at once could have written two;
  the later ones become duplicates of the first before the index is made;
- trusted_key.retired_at: a key replaced by a rotation (or by a second key the officer confirmed) is trusted only
  for packets created before this time; replaced_by: the fingerprint of the key that replaced it.
This file is frozen: a later change is a new migration.
"""

STEPS = [
    """UPDATE received_packet SET outcome = 'duplicate'
       WHERE outcome IN ('imported', 'superseded') AND packet_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM received_packet AS first
                     WHERE first.outcome IN ('imported', 'superseded')
                       AND first.packet_id = received_packet.packet_id
                       AND first.commune_code IS received_packet.commune_code
                       AND first.id < received_packet.id)""",
    """CREATE UNIQUE INDEX received_packet_accepted ON received_packet(commune_code, packet_id)
       WHERE outcome IN ('imported', 'superseded')""",
    "ALTER TABLE trusted_key ADD COLUMN retired_at TEXT",
    "ALTER TABLE trusted_key ADD COLUMN replaced_by TEXT",
]
