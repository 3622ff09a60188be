"""Test doubles the services' unit tests share."""
