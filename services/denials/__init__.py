"""The denials service: detect, categorize and queue denials; appeal, correct or write them off."""
