"""WSGI entry point (gunicorn puentes.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")
application = get_wsgi_application()
