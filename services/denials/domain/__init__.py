"""Pure denials rules: code lists, detection, categorization, queue priority and SLA, letters."""
