from typing import Any

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "puentes.network"
    label = "network"
    verbose_name = "Network"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from puentes.core.http import client_ip
        from puentes.core.pages import actor_source_register
        from puentes.network.middleware import idle_timer_start, request_actor
        from puentes.network.signin import signin_failure_record

        actor_source_register(request_actor)

        def failed(
            sender: object, credentials: dict[str, Any], request: object = None, **kw: object
        ) -> None:
            ip = client_ip(request) if request is not None else None  # type: ignore[arg-type]
            signin_failure_record(username=str(credentials.get("username", "")), ip=ip)

        user_login_failed.connect(failed, dispatch_uid="puentes-signin-failed", weak=False)
        user_logged_in.connect(idle_timer_start, dispatch_uid="puentes-idle-timer", weak=False)
