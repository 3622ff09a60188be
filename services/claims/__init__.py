"""The claims service: build, price, scrub and submit claims as X12 837P."""
