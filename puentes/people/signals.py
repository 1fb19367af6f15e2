"""What the people app announces to apps that depend on it."""

from django.dispatch import Signal

# Sent inside the revoking transaction with consent= and user=.
consent_revoked = Signal()
