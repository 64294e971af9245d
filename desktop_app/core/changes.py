"""What an operation changed, so that every screen showing it refreshes (as Anki's OpChanges).

Core operations declare the topics of each write (`with session.write(Topic.PARTICIPANTS): …`); the session
records them only when the transaction commits, and the window's operation runner announces the topics an
operation recorded once it has finished. Screens listen and reload what they show.
"""
from __future__ import annotations

from enum import Enum


class Topic(str, Enum):
    """One kind of stored thing a screen may show."""

    COMMUNE = "commune"              # the commune's own settings, the workspace's role
    CAMPAIGNS = "campaigns"
    PARTICIPANTS = "participants"    # collectives and individuals, their search documents
    ACHIEVEMENTS = "achievements"    # achievements and their evidence files
    AWARDS = "awards"                # the award history
    CHECKLISTS = "checklists"
    REGISTRATIONS = "registrations"  # đăng ký thi đua
    ROUNDS = "rounds"                # rounds, nominees, council meeting, votes, decisions
    DOCUMENTS = "documents"          # issued numbers and document files
    PACKETS = "packets"              # packets sent and received, trusted keys, imported rounds
    REVIEWS = "reviews"              # the receiving level's review of rounds, decisions, return packets, officers
    KEYS = "keys"                    # the commune's signing key (in the OS keyring)
    DRAFTS = "drafts"                # unsaved form contents
    EVERYTHING = "everything"        # the whole database was replaced (a restore)


Changes = frozenset  # of Topic


def touches(changes: Changes, *topics: Topic) -> bool:
    """True when `changes` concern any of `topics` (a restore concerns everything)."""
    return Topic.EVERYTHING in changes or any(t in changes for t in topics)
