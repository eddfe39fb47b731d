"""Files that travel: encrypted backups (and, with the returns issue, return packages). The only layer
that encrypts; it imports pyrage (age) and cryptography, nothing else does."""
