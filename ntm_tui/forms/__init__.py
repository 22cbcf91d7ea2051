"""Modal forms: each saves through db services and dismisses with the change-log batch id."""
