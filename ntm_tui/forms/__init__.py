"""Modal forms: each a ModalScreen that returns its values, or None when cancelled."""
