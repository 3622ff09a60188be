"""The project's shared library: event contracts and the infrastructure every service uses once."""
