"""Two versions of a plan compared: what changed, and how much each change moved the answer."""
