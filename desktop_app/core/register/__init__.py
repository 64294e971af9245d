"""The commune's register: its own settings, the campaigns, the participants (collectives and individuals) with
their achievements, evidence files and award history, and the queries the register screen reads."""
