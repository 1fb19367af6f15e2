"""Organization administration pages: profile, members and invitations, API keys, audit log."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.languages import LANGUAGE_NAMES
from puentes.core.pages import actor_page, form_errors_from, submit
from puentes.network import selectors, services
from puentes.network.forms import (
    ApiKeyForm,
    AuditFilterForm,
    InviteForm,
    MemberForm,
    OrganizationForm,
)


@actor_page("organization.view")
def organization_detail(request: HttpRequest, actor: Actor) -> HttpResponse:
    languages = [
        str(LANGUAGE_NAMES.get(code, code)) for code in actor.organization.languages_served
    ]
    return render(
        request,
        "network/organization.html",
        {"organization": actor.organization, "languages": languages},
    )


@actor_page("organization.update")
def organization_edit(request: HttpRequest, actor: Actor) -> HttpResponse:
    organization = actor.organization
    form = OrganizationForm(
        request.POST or None,
        instance=None if request.POST else organization,
        initial={"version": organization.version},
    )
    done = submit(
        request,
        form,
        lambda data: services.organization_update(
            actor=actor, version=data["version"], fields=form.service_fields()
        ),
        success=_("Changes saved."),
        then=reverse("network:organization"),
    )
    if done:
        return done
    return render(
        request,
        "network/form.html",
        {
            "form": form,
            "title": _("Edit the organization"),
            "cancel_url": reverse("network:organization"),
        },
    )


@actor_page("organization.view")
def member_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    members = selectors.member_list(actor=actor, include_inactive=True)
    invitations = (
        [i for i in selectors.invitation_list(actor=actor) if i.is_open]
        if actor.can("member.manage")
        else []
    )
    return render(request, "network/members.html", {"members": members, "invitations": invitations})


def _accept_url_base(request: HttpRequest) -> str:
    path = reverse("web:invitation_accept", kwargs={"token": "TOKEN"}).replace("TOKEN/", "")
    return (
        f"{settings.PUBLIC_URL}{path}" if settings.PUBLIC_URL else request.build_absolute_uri(path)
    )


@actor_page("member.manage")
def member_invite(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=actor, accept_url_base=_accept_url_base(request), **form.cleaned_data
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("network:members")
    return render(
        request,
        "network/form.html",
        {"form": form, "title": _("Invite a member"), "cancel_url": reverse("network:members")},
    )


@actor_page("member.manage")
def member_edit(request: HttpRequest, actor: Actor, member_id: uuid.UUID) -> HttpResponse:
    membership = selectors.member_get(actor=actor, public_id=member_id)
    form = MemberForm(
        request.POST or None,
        initial={
            "version": membership.version,
            "role": membership.role,
            "worker_type": membership.worker_type,
        },
    )
    done = submit(
        request,
        form,
        lambda data: services.member_update(actor=actor, member_id=member_id, **data),
        success=_("Changes saved."),
        then=reverse("network:members"),
    )
    if done:
        return done
    return render(
        request,
        "network/form.html",
        {
            "form": form,
            "title": _("Role of %(name)s") % {"name": membership.display_name},
            "cancel_url": reverse("network:members"),
        },
    )


@require_POST
@actor_page("member.manage")
def member_set_active(request: HttpRequest, actor: Actor, member_id: uuid.UUID) -> HttpResponse:
    active = request.POST.get("active") == "1"
    try:
        membership = services.member_set_active(actor=actor, member_id=member_id, active=active)
    except DomainError as error:
        if error.code == "not_found":
            raise
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            (_("%(name)s can sign in again.") if active else _("%(name)s is deactivated."))
            % {"name": membership.display_name},
        )
    return redirect("network:members")


@require_POST
@actor_page("member.manage")
def invitation_revoke(request: HttpRequest, actor: Actor, invitation_id: uuid.UUID) -> HttpResponse:
    services.invitation_revoke(actor=actor, invitation_id=invitation_id)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("network:members")


@actor_page("apikey.manage")
def apikey_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = ApiKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _key, new_key = services.apikey_create(actor=actor, **form.cleaned_data)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            form = ApiKeyForm()
    return render(
        request,
        "network/api_keys.html",
        {
            "keys": selectors.apikey_list(actor=actor),
            "form": form,
            "new_key": new_key,
        },
    )


@require_POST
@actor_page("apikey.manage")
def apikey_revoke(request: HttpRequest, actor: Actor, key_id: uuid.UUID) -> HttpResponse:
    services.apikey_revoke(actor=actor, key_id=key_id)
    messages.success(request, _("The key is revoked; programs using it are refused from now on."))
    return redirect("network:api_keys")


@actor_page("audit.view")
def audit_log(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.audit_list(actor=actor, **{k: v for k, v in filters.items() if v})
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "network/audit.html", {"form": form, "page": page})
