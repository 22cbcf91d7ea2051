"""Modal forms: each collects one record, saves it through a service, dismisses with the batch id."""
