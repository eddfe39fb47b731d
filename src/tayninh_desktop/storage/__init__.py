"""The only layer that touches SQLite. Repositories return domain dataclasses and never commit."""
