"""The coding service's use cases, one module each: load through repositories, call the domain, emit."""
