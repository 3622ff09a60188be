"""Pure claims rules: building, pricing, scrubbing, the 837P writer, acknowledgment readers."""
