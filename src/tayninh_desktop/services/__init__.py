"""One function per user action: ``(db, actor, …)``, one transaction, permission check and audit entry."""
