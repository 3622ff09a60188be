"""A seeded fault run against a real stack, and a checker that reads the truth from Postgres."""
