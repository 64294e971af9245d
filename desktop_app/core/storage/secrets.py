"""The one door to the OS keyring: get/set/delete secrets, refuse to work without a real keyring."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:  # the module itself is loaded on first use: start-up never pays its 0.2 s
    import keyring.backend


def _keyring():
    import keyring
    import keyring.errors

    return keyring

SERVICE = "so-thi-dua"

# Backends that "work" but do not protect anything. keyrings.alt is refused as a whole: its
# backends are plain-text or weakly encrypted files, or prompt on a console the GUI has not got
# (the silent plain-text fallback is the Vorta mistake style.md tells us to avoid).
_REFUSED_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def _is_refused(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__ or ""
    if module.startswith(_REFUSED_MODULE_PREFIXES):
        return True
    return "plaintext" in type(backend).__name__.lower()


def _check_backend(backend: keyring.backend.KeyringBackend) -> None:
    """Raise UserError unless `backend` stores secrets in a real keyring."""
    chained = getattr(backend, "backends", None)
    if type(backend).__name__ == "ChainerBackend" and chained is not None:
        members = list(chained)
        if not members:
            raise UserError("keys.no_keyring")
        for member in members:
            _check_backend(member)
        return
    if _is_refused(backend):
        if type(backend).__module__.startswith(("keyring.backends.fail", "keyring.backends.null")):
            raise UserError("keys.no_keyring")
        raise UserError("keys.insecure_keyring", backend=type(backend).__name__)


class SecretStore:
    """Secrets of the app under one keyring service; every keyring failure becomes a UserError.

    `backend` is for tests (an InMemoryKeyring); by default the keyring the OS offers is used,
    looked up at each call so a keyring unlocked after start-up is found.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None, service: str = SERVICE):
        self._backend = backend
        self.service = service

    def backend(self) -> keyring.backend.KeyringBackend:
        backend = self._backend if self._backend is not None else _keyring().get_keyring()
        _check_backend(backend)
        return backend

    def get(self, name: str) -> str | None:
        backend = self.backend()
        with _translated():
            return backend.get_password(self.service, name)

    def set(self, name: str, value: str) -> None:
        backend = self.backend()
        with _translated():
            backend.set_password(self.service, name, value)
            # Some backends accept a write and keep nothing (a locked collection that "succeeds"):
            # a key that is not really stored would be lost with the next export.
            if backend.get_password(self.service, name) != value:
                raise UserError("keys.keyring_error", detail="read-back mismatch")

    def delete(self, name: str) -> bool:
        """Delete a secret; False when there was none."""
        backend = self.backend()
        with _translated():
            if backend.get_password(self.service, name) is None:
                return False
            try:
                backend.delete_password(self.service, name)
            except _keyring().errors.PasswordDeleteError:
                return False
            return True


class _translated:
    """Context manager: keyring's exceptions → UserError (the library's errors stop at this edge)."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None or isinstance(exc, UserError):
            return False
        keyring = _keyring()
        if isinstance(exc, keyring.errors.NoKeyringError):
            raise UserError("keys.no_keyring") from exc
        if isinstance(exc, keyring.errors.KeyringLocked):
            raise UserError("keys.keyring_locked") from exc
        if isinstance(exc, keyring.errors.KeyringError):
            raise UserError("keys.keyring_error", detail=str(exc) or type(exc).__name__) from exc
        return False
