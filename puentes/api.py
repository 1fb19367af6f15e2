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
from puentes.workforce.api import router as workforce_router

api = NinjaAPI(
    title="Puentes API",
    version="1",
    description=(
        "Programs use the same services as the pages. Authenticate with "
        "`Authorization: Bearer <API key>` (keys are made by organization administrators) "
        "or the browser session. Every error, whatever refuses the request, is "
        '`{"error": {"code", "message", "fields"}}` (`fields`: field name -> messages). '
        "Codes: `invalid` 400, `unauthenticated` 401, `forbidden` 403, `not_found` 404, "
        "`method_not_allowed` 405, `conflict`/`duplicate`/`confirm` 409, `too_large` 413, "
        "`locked` 423, `throttled` 429, `server_error` 500. Three carry one more key: "
        "`conflict` has `current_version`; `duplicate` has `matches` (id, name, "
        "date_of_birth, score); `confirm` has `capacity_status` and `alternatives`. "
        "Text with a NUL or a lone surrogate is refused as `invalid`. Times of day "
        "(`start_time`, `end_time`) are local wall-clock times without a UTC offset. "
        "Lists take `page` and `per_page`. Every read of a person's data is audited."
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
api.add_router("/", workforce_router)
