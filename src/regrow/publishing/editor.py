"""The site's own editor pages: write, translate, publish, go back to a revision."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib import dates, places
from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.lib.i18n import offered_language_codes
from regrow.publishing import services, services_sources, sources
from regrow.publishing.forms import EntryForm, ImageForm, TranslateForm
from regrow.publishing.models import Entry, Image, Revision, publisher_fields, publisher_q
from regrow.publishing.services import EntryAction


def _publisher(request: HttpRequest, slug: str):
    # Times typed in the form are the town's local times.
    place = places.find_or_404(slug)
    if not services.may_publish(request.user, place):
        raise PermissionDenied
    return place


def _context(request, place, form, entry=None) -> dict:
    return {
        "place": place,
        "section": "news",
        "form": form,
        "entry": entry,
        "media": form.media.with_nonce(request.csp_nonce),
        "revisions": entry.revisions.select_related("saved_by")[:20] if entry else [],
        "translations": Entry.objects.filter(translation_group=entry.translation_group)
        if entry
        else [],
        "translate_form": TranslateForm() if entry else None,
    }


def _saved_message(action: EntryAction, entry: Entry, draft_saved: str) -> str | None:
    if action == EntryAction.PUBLISH:
        return _("Published.")
    if action == EntryAction.SCHEDULE:
        # A time already past was published now; the service's notice says so.
        if entry.publish_at <= timezone.now():
            return None
        # “on 4 February 2026 at 18:00”, in the case the sentence needs (Latvian locative).
        return _("It will appear on %(when)s.") % {"when": dates.event_when(entry.publish_at)}
    if action == EntryAction.UNPUBLISH:
        return _("Taken off the site; it is a draft again.")
    return draft_saved


def _submit(request, place, form, save, *, entry=None, draft_saved=None, **more) -> HttpResponse:
    """The one place where the editor's form becomes a response. `save` is the service that
    writes (and publishes) what the form holds. After a save: the entry's editor page. Else the
    form again with what was typed: 400 for mistakes, 409 when someone else saved meanwhile."""
    status = 200
    if request.method == "POST" and form.is_valid():
        action = form.action()
        try:
            saved, notices = save(
                by=request.user,
                action=action,
                publish_at=form.cleaned_data.get("publish_at"),
                **form.entry_values(),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            add_service_error(form, error)
            status = 400
        else:
            message = _saved_message(action, saved, draft_saved or _("Draft saved."))
            if message:
                messages.success(request, message)
            for notice in notices:
                messages.info(request, notice)
            return redirect("publishing:edit", slug=place.slug, pk=saved.pk)
    elif form.errors:
        status = 400
    if status != 200 and entry is not None:
        # Nothing was saved, though the form and the service wrote to this object: the page
        # says what is stored; the form keeps what was typed.
        entry.refresh_from_db()
    context = {**_context(request, place, form, entry), **more}
    return render(request, "publishing/edit.html", context, status=status)


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    place = _publisher(request, slug)
    entries = Entry.objects.filter(publisher_q(place)).order_by("-updated_at")[:200]
    context = {"place": place, "section": "news", "entries": entries, "now": timezone.now()}
    return render(request, "publishing/manage.html", context)


def _form(request, place, **kwargs) -> EntryForm:
    picker_url = reverse("publishing:images", kwargs={"slug": place.slug})
    return EntryForm(request.POST or None, publisher=place, picker_url=picker_url, **kwargs)


@login_required
def write(request: HttpRequest, slug: str) -> HttpResponse:
    place = _publisher(request, slug)
    entry = Entry(language=get_language(), **publisher_fields(place))
    save = partial(services.entry_save_and_publish, entry=entry)
    return _submit(request, place, _form(request, place), save)


@login_required
def write_from(request: HttpRequest, slug: str, source: str, pk: int) -> HttpResponse:
    """Turn a round, a meeting… into an event in one step: the form comes prefilled from it,
    the editor changes what they like, and the event stays linked to it."""
    place = _publisher(request, slug)
    registered = sources.get(source)
    if registered is None or registered.event is None:
        raise Http404
    obj = get_object_or_404(registered.model, pk=pk)
    if registered.place(obj) != place:
        raise Http404
    try:
        initial = {"kind": Entry.Kind.EVENT, **registered.event(obj, get_language())}
    except ValidationError as error:  # the source refuses (e.g. a round that is not open)
        for text in error.messages:
            messages.error(request, text)
        return redirect("publishing:manage", slug=place.slug)
    entry = Entry(language=get_language(), **publisher_fields(place))
    save = partial(services.entry_save_and_publish, entry=entry, about=obj)
    return _submit(request, place, _form(request, place, initial=initial), save, source_object=obj)


def _languages_of(place) -> list[str]:
    """The place's languages that the site offers (a network has none of its own: all)."""
    offered = offered_language_codes()
    own = getattr(place, "languages", None) or offered
    return [code for code in own if code in offered]


def _published_message(entries: list[Entry]) -> str:
    names = ", ".join(
        str(get_language_info(entry.language)["name_translated"]) for entry in entries
    )
    return ngettext(
        "Published in this language: %(languages)s.",
        "Published in these languages: %(languages)s.",
        len(entries),
    ) % {"languages": names}


@login_required
@require_POST
def publish_from(request: HttpRequest, slug: str, source: str, pk: int) -> HttpResponse:
    """Publish the event a round, a meeting… makes in every language of the place at once, as
    translations of each other, each linked to it; then show it. If it is there already, show
    that one instead: a second click publishes nothing."""
    place = _publisher(request, slug)
    registered = sources.get(source)
    if registered is None or registered.event is None:
        raise Http404
    obj = get_object_or_404(registered.model, pk=pk)
    if registered.place(obj) != place:
        raise Http404
    try:
        entries, notices = services_sources.entries_publish_from_source(
            source_key=source,
            pk=obj.pk,
            by=request.user,
            languages=_languages_of(place),
            preferred=get_language(),
        )
    except services_sources.AlreadyAnnounced as already:
        found = already.entry
        if found.is_published():
            messages.info(request, _("It was already announced; nothing new was published."))
            return redirect(found.get_absolute_url())
        messages.info(
            request,
            _("Its announcement is already in the editor, not yet published; finish it here."),
        )
        return redirect("publishing:edit", slug=place.slug, pk=found.pk)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect("publishing:manage", slug=place.slug)
    messages.success(request, _published_message(entries))
    for notice in notices:
        messages.info(request, notice)
    shown = next((entry for entry in entries if entry.language == get_language()), entries[0])
    return redirect(shown.get_absolute_url())


@login_required
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = _publisher(request, slug)
    entry = get_object_or_404(Entry.objects.filter(publisher_q(place)), pk=pk)
    save = partial(services.entry_save_and_publish, entry=entry)
    return _submit(request, place, _form(request, place, instance=entry), save, entry=entry)


@login_required
def translate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Start the version of an entry in another language, from a copy of the original; it can
    be saved as a draft or published at once, like any entry."""
    place = _publisher(request, slug)
    original = get_object_or_404(Entry.objects.filter(publisher_q(place)), pk=pk)
    language = request.GET.get("language") or request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        raise Http404
    initial = model_to_dict(original, fields=services.ENTRY_CONTENT_FIELDS)
    save = partial(services.entry_translate, entry=original, language=language)
    return _submit(
        request,
        place,
        _form(request, place, initial=initial),
        save,
        draft_saved=_("Translation saved as a draft."),
        original=original,
        target_language=language,
    )


@login_required
@require_POST
def restore(request: HttpRequest, slug: str, pk: int, revision: int) -> HttpResponse:
    place = _publisher(request, slug)
    chosen = get_object_or_404(Revision, pk=revision, entry__pk=pk)
    if chosen.entry.publisher != place:
        raise Http404
    services.entry_restore(revision=chosen, by=request.user)
    messages.success(request, _("The earlier version is back."))
    return redirect("publishing:edit", slug=slug, pk=pk)


@login_required
def images(request: HttpRequest, slug: str) -> HttpResponse:
    """The publisher's pictures: upload one (described, with its credit), pick one for the text.

    Opened from the editor's picture dialog ("Browse…") it is a picker: choosing a picture
    fills in its address, description and credit there.
    """
    place = _publisher(request, slug)
    form = ImageForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.image_upload(
                    publisher=place,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    alt_text=form.cleaned_data["alt_text"],
                    credit=form.cleaned_data["credit"],
                )
            except ValidationError as error:
                add_service_error(form, error, field="file")
            else:
                messages.success(request, _("The picture is kept; you can now use it."))
                return redirect(request.get_full_path())
        status = 400
    context = {
        "place": place,
        "section": "news",
        "form": form,
        "images": Image.objects.filter(publisher_q(place))[:100],
        # The editor numbers its callbacks downwards from -1.
        "picker": request.GET.get("CKEditorFuncNum", "").removeprefix("-").isdigit(),
    }
    return render(request, "publishing/images.html", context, status=status)
