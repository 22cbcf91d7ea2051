"""Widgets and helpers shared by the screens."""
