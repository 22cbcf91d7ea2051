"""The shipped criteria sets (YAML files beside this module), oldest first. Each is installed
into any database that lacks it; kept here so a start can check without importing db.catalogue."""

SHIPPED = ("an-giang-2021-2025", "national-2026-2030")
