"""PDF renderings of the public JSON views that practices print and mail."""
