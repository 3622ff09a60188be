"""Pure payments rules: reading 835s, balancing, duplicates, matching and double-entry posting."""
