"""Webhooks: endpoints a tenant registers, a delivery queue in Postgres, a loop that works it."""
