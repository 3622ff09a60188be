"""Pure coding rules: code sets, edits and the coder that applies them. No I/O here."""
