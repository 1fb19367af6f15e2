"""/api/v1/: one django-ninja API, authenticated by API key or session, one error shape."""

from ninja import NinjaAPI

from puentes.billing.api import router as billing_router
from puentes.care.api import router as care_router
from puentes.core.api import SafeParser, install_error_handlers
from puentes.directory.api import router as directory_router
from puentes.network.api import router as network_router
from puentes.network.auth import ApiKeyAuth, SessionActorAuth
from puentes.notifications.api import router as notifications_router
from puentes.people.api import router as people_router
from puentes.referrals.api import router as referrals_router
from puentes.screening.api import router as screening_router

api = NinjaAPI(
    title="Puentes API",
    version="1",
    description=(
        "Programs use the same services as the pages. Authenticate with "
        "`Authorization: Bearer <API key>` (keys are made by organization administrators) "
        "or the browser session. Every error is "
        '`{"error": {"code", "message", "fields"}}`. Lists take `page` and `per_page`.'
    ),
    auth=[ApiKeyAuth(), SessionActorAuth()],
    urls_namespace="api",
    docs_url="/docs",
    parser=SafeParser(),
)
install_error_handlers(api)
api.add_router("/", network_router)
api.add_router("/", people_router)
api.add_router("/", screening_router)
api.add_router("/", directory_router)
api.add_router("/", referrals_router)
api.add_router("/", notifications_router)
api.add_router("/", care_router)
api.add_router("/", billing_router)
