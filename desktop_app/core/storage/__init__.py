"""The open workspace and what keeps it: the session (database, folders, secrets, clock), the schema (models and
numbered migrations), files written durably, drafts, automatic copies, the USB backup and restore."""
