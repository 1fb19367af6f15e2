"""Sign-in, sign-out, language and organization switches, home, invitations."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import LoginView
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from puentes.care.selectors import my_day
from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in
from puentes.core.errors import DomainError
from puentes.core.http import client_ip
from puentes.core.pages import actor_page, form_errors_from, page_of
from puentes.network import services as network_services
from puentes.network.selectors import (
    ACTIVE_ORGANIZATION_SESSION_KEY,
    invitation_find_open,
    membership_list_for_user,
)
from puentes.network.signin import address_blocked
from puentes.people.selectors import person_list
from puentes.referrals.selectors import referral_list


class SignInView(LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True
    extra_context = {"idle_minutes": settings.SESSION_IDLE_MINUTES}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """An address that failed too often lately is stopped before any password is
        checked (django-axes stops a single account; this stops guessing across many)."""
        if address_blocked(client_ip(request)):
            return render(request, "web/locked.html", status=429)
        return super().post(request, *args, **kwargs)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("web:login")


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """Remember the choice on the user (every device) and in a cookie (before sign-in)."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if request.user.is_authenticated:
        network_services.user_set_language(user=request.user, language=language)
    translation.activate(language)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "/"
    response = redirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@require_POST
@actor_page()
def organization_switch(request: HttpRequest, actor: Actor) -> HttpResponse:
    chosen = request.POST.get("organization", "")
    memberships = membership_list_for_user(request.user)  # type: ignore[arg-type]
    membership = next((m for m in memberships if str(m.organization.public_id) == chosen), None)
    if membership is None:
        messages.error(request, _("You are not a member of that organization."))
    else:
        request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = chosen
        messages.success(
            request,
            _("You are now working in %(organization)s.")
            % {"organization": membership.organization.name},
        )
    return redirect("web:home")


def _referral_counts(actor: Actor) -> dict[str, int]:
    """What the worker's referrals ask of them today: follow-ups due, new ones received."""
    if not actor.can("referral.view"):
        return {}
    return {
        "follow_up": referral_list(actor=actor, box="sent", follow_up=True).count(),
        "inbox": referral_list(actor=actor, box="inbox", status="requested").count()
        if actor.can("referral.respond")
        else 0,
    }


HOME_PAGE = 25  # people a page
# Overdue, and due today, shown on the home page: a phone's screenful of each; the rest are
# on the follow-ups page (its link says how many).
MY_DAY_ROWS = 10


@actor_page()
def home(request: HttpRequest, actor: Actor) -> HttpResponse:
    """A frontline worker lands on their own caseload; others on what their role does."""
    if actor.membership is not None and actor.membership.worker_type:
        query = request.GET.get("q", "")
        # A page of the caseload at a time: a CHW may carry a thousand people.
        page = page_of(
            request, person_list(actor=actor, query=query, assigned_to=actor.membership), HOME_PAGE
        )
        people = list(page.object_list)
        people_seen_in(actor, people)
        template = "people/_results.html" if request.htmx else "web/home_caseload.html"  # type: ignore[attr-defined]
        context = {"people": people, "page": page, "query": query, "mine": True}
        if not request.htmx:  # type: ignore[attr-defined]
            context["referral_counts"] = _referral_counts(actor)
            context["my_day"] = day = my_day(actor=actor, limit=MY_DAY_ROWS)
            people_seen_in(actor, [*day["overdue"], *day["today"]])
            context["today"] = timezone.localdate()
        return render(request, template, context)
    if actor.can("person.view"):
        return redirect("people:list")
    if actor.can("member.manage"):
        return redirect("network:members")
    if actor.can("directory.manage"):
        return redirect("directory:corrections")
    return redirect("network:organization")


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    username = forms.CharField(label=gettext_lazy("User name"), max_length=150)
    password = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_find_open(token)
    if invitation is None:
        return render(request, "web/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    form = InvitationAcceptForm(request.POST or None) if not signed_in else None
    if request.method == "POST" and (signed_in or (form is not None and form.is_valid())):
        data = form.cleaned_data if form is not None else {}
        try:
            membership = network_services.invitation_accept(
                token=token,
                user=request.user if signed_in else None,  # type: ignore[arg-type]
                language=translation.get_language() or "en",
                **data,
            )
        except DomainError as error:
            if form is None:
                messages.error(request, error.message)
                return redirect("web:home")
            form_errors_from(form, error)
        else:
            if not signed_in:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = str(
                membership.organization.public_id
            )
            messages.success(
                request,
                _("Welcome to %(organization)s.") % {"organization": membership.organization.name},
            )
            return redirect("web:home")
    return render(request, "web/invitation_accept.html", {"invitation": invitation, "form": form})


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
