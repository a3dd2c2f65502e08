"""The cited benchmark library by industry, and where a plan's assumptions stand against it."""
