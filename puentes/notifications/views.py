"""The notifications page: a person's own updates, and how they want to be e-mailed."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes.core.actor import Actor
from puentes.core.pages import actor_page, submit
from puentes.network.models import User
from puentes.notifications import selectors, services
from puentes.notifications.messages import render as message


class PreferenceForm(forms.Form):
    notification_email = forms.ChoiceField(
        label=gettext_lazy("E-mail me about referrals"),
        choices=User._meta.get_field("notification_email").choices,  # type: ignore[arg-type]
        widget=forms.RadioSelect,
    )


@actor_page()
def notifications(request: HttpRequest, actor: Actor) -> HttpResponse:
    user = actor.user
    form = PreferenceForm(
        request.POST or None,
        initial={"notification_email": user.notification_email if user else "immediate"},
    )
    done = submit(
        request,
        form,
        lambda data: services.notification_preference_set(
            actor=actor, email=data["notification_email"]
        ),
        success=_("Saved."),
        then=request.path,
    )
    if done:
        return done
    rows = [
        {"notification": n, "message": message(n.kind, n.params)}
        for n in selectors.notification_list(actor=actor)[:100]
    ]
    return render(request, "notifications/list.html", {"rows": rows, "form": form})


@actor_page()
def mark_all_read(request: HttpRequest, actor: Actor) -> HttpResponse:
    if request.method == "POST":
        services.notification_mark_all_read(actor=actor)
        messages.success(request, _("All marked as read."))
    return redirect("notifications:list")
