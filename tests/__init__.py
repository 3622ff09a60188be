"""The project's tests (a regular package, so that a site-packages `tests` shipped by a dependency cannot shadow it)."""
