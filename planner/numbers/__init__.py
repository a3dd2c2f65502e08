"""The numbers: the engine (demand, supply, the calendar, the known series, the answers, the
status) and what is worked out from it (sensitivity, scenarios, goal seek, summary, axes)."""
