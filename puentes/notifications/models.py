"""In-app notifications, also e-mailed at once or in a daily digest as each person chooses."""

from django.db import models

from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.network.models import Organization, User


class Notification(BaseModel):
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    # The message is kept as a key and values, and written in the reader's language.
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    link = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["emailed_at", "created_at"], name="notification_unsent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"
