"""From a record to a nomination: the criteria sets and their engine, checklists per participant, nomination
rounds with their nominees, the council meeting and its votes, and the commune's own decision."""
