"""Packets between the levels: the commune's signing key, the packet format (writer, reader, USB drives), sending a
round upwards, and receiving packets at the upper level (trust, intake, import, what its screen lists)."""
