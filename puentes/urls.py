from django.urls import include, path

from puentes.api import api
from puentes.directory.hsds_api import hsds

urlpatterns = [
    path("", include("puentes.web.urls")),
    path("people/", include("puentes.people.urls")),
    path("organization/", include("puentes.network.urls")),
    path("screening/", include("puentes.screening.urls")),
    path("directory/", include("puentes.directory.urls")),
    path("referrals/", include("puentes.referrals.urls")),
    path("notifications/", include("puentes.notifications.urls")),
    path("care/", include("puentes.care.urls")),
    path("billing/", include("puentes.billing.urls")),
    path("workforce/", include("puentes.workforce.urls")),
    path("api/v1/", api.urls),
    path("hsds/", hsds.urls),
]

# Under /api/ and /hsds/ these answer in the API's one error shape; pages keep Django's.
handler400 = "puentes.core.http_errors.bad_request"
handler403 = "puentes.core.http_errors.permission_denied"
handler404 = "puentes.core.http_errors.page_not_found"
handler500 = "puentes.core.http_errors.server_error"
