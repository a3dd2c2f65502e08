"""Actuals from a CSV file: reading it, mapping its columns, turning rows into monthly totals."""
