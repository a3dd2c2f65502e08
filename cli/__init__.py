"""``leadplanner-cli``: the command line, a composition root over ``planner`` and ``exports``."""
