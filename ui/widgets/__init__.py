"""The widget mechanisms every page uses: inputs bound to the plan, following the plan only
while shown, layout that stays still, tables that fit, figures never cut."""
