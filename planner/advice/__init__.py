"""Advice in plain words: findings, health warnings, the scorecard, the CEO review and memo,
and the plan against its actuals."""
