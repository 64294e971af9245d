"""Sổ Thi đua — a commune's register of the emulation movement and its nomination dossiers."""

__version__ = "0.1.0"
APP_NAME = "Sổ Thi đua"
APP_ID = "so-thi-dua"
