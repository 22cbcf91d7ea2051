"""ntm-tui: the commune officer's tool for the new rural area (NTM) programme."""
__version__ = "0.1.0"
