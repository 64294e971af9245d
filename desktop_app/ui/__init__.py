"""Qt widgets: one module per screen or dialog."""
