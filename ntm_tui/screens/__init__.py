"""The seven sections, one screen each, reached with the digits 1–7."""
