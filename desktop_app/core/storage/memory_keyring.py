"""A keyring in memory, for tests and tools that must never touch the computer's real keyring."""
from __future__ import annotations

import keyring.backend
import keyring.errors
from keyring.compat import properties


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict, for tests. Never chosen by keyring's auto-detection (not viable)."""

    @properties.classproperty
    def priority(cls) -> float:
        # keyring treats a backend whose priority raises as not viable, so merely importing this
        # module can never make the app store real keys in memory (and lose them at exit).
        raise RuntimeError("InMemoryKeyring is for tests; set it explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None
