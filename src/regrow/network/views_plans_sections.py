"""Writing one section of a Transfer Plan in the rich-text editor. The section saves on its own:
a save that someone else's came before is answered 409 with both texts (the writer's kept in
the editor, the other's shown beside it); a version in peer review is not edited (the page
says so); editing a final version starts a new draft (the page says so before and after)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from regrow.lib.forms import add_service_error
from regrow.lib.richtext import clean_html
from regrow.network import selectors_plans as selectors
from regrow.network.forms_plans import SectionForm
from regrow.network.models import PlanVersion, SectionKey
from regrow.network.services import plans as services
from regrow.network.views_plans import plan_context
from regrow.towns.permissions import Action


def _saved_message(saved: services.SectionSaved) -> str:
    if saved.started is None:
        return _("“%(section)s” is saved.") % {"section": SectionKey(saved.section.key).label}
    return _(
        "Version %(base)s is final and stays as it was: your change started version "
        "%(number)s, a draft based on it."
    ) % {"base": saved.started.number - 1, "number": saved.started.number}


@login_required
def section_edit(request: HttpRequest, slug: str, plan_pk: int, key: str) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk, Action.EDIT_PLAN)
    version = selectors.version_of(plan)
    section = selectors.section_of(version, key)
    theirs = None
    status = 200
    if request.method == "POST":
        form = SectionForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                saved = services.section_save(
                    plan=plan, key=key, by=request.user, **form.cleaned_data
                )
            except services.SectionConflict as conflict:
                theirs = conflict.current
                # What was typed stays; the next save starts from their text's version.
                form = SectionForm(
                    {
                        "body": form.cleaned_data["body"],
                        "number": theirs.plan_version.number,
                        "version": theirs.version,
                    }
                )
                form.is_valid()
                form.add_error(None, str(conflict))
                status = 409
                version = theirs.plan_version
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _saved_message(saved))
                url = reverse("network:plan", kwargs={"slug": slug, "plan_pk": plan.pk})
                return redirect(f"{url}#section-{key}")
    else:
        form = SectionForm(
            initial={"body": section.body, "number": version.number, "version": section.version}
        )
    context = {
        **plan_context(request, plan, version),
        "section": section,
        "section_title": SectionKey(key).label,
        "form": form,
        "media": form.media.with_nonce(request.csp_nonce),
        "locked": version.status == PlanVersion.Status.IN_REVIEW,
        "starts_new": version.status == PlanVersion.Status.FINAL,
        "section_html": mark_safe(clean_html(section.body)),  # noqa: S308
        "theirs": theirs,
        "theirs_html": mark_safe(clean_html(theirs.body)) if theirs else "",  # noqa: S308
    }
    return render(request, "network/plans/section.html", context, status=status)
