"""The sitemap of entries: every published entry, with the addresses of its translations.
The site's other pages (homes, sections) are in the project's sitemap (regrow/crawlers.py)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils import timezone

from regrow.lib.i18n import offered_language_codes
from regrow.publishing.models import Entry


class EntrySitemap(Sitemap):
    changefreq = "weekly"
    # Addresses per sitemap file (/sitemap-entries.xml?p=2 …), each with its translations.
    limit = 1000

    def items(self):
        # Only entries in an offered language have an address.
        return (
            Entry.objects.filter(
                publish_at__lte=timezone.now(), language__in=offered_language_codes()
            )
            .select_related("town", "network")
            .order_by("id")
        )

    def location(self, entry):
        return entry.get_absolute_url()

    def lastmod(self, entry):
        # A scheduled entry changes when it appears, which may be after its last edit.
        return max(filter(None, [entry.updated_at, entry.publish_at]))

    def get_latest_lastmod(self):
        """For the sitemap index, in one query (Django's own calls lastmod() on every entry)."""
        latest = self.items().aggregate(updated=Max("updated_at"), published=Max("publish_at"))
        return max(filter(None, latest.values()), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        """Each entry's translations as hreflang alternates (the translations differ in slug,
        so Django's own i18n alternates, which only swap the prefix, would point nowhere)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        entries = [url["item"] for url in urls]
        if not urls:
            return urls
        scheme, _sep, rest = urls[0]["location"].partition("://")
        origin = f"{scheme}://{rest.split('/', 1)[0]}"
        groups: dict = {}
        for other in Entry.objects.filter(
            translation_group__in={entry.translation_group for entry in entries},
            publish_at__lte=timezone.now(),
            language__in=offered_language_codes(),
        ).select_related("town", "network"):
            groups.setdefault(other.translation_group, []).append(other)
        for url, entry in zip(urls, entries, strict=True):
            # The original (oldest) first; x-default is the version in the site's default
            # language, else the original, as in the pages' heads.
            versions = sorted(groups.get(entry.translation_group, []), key=lambda other: other.pk)
            by_language = {
                other.language: f"{origin}{other.get_absolute_url()}" for other in versions
            }
            url["alternates"] = [
                {"lang_code": code, "location": location} for code, location in by_language.items()
            ]
            if by_language:
                default = (
                    by_language.get(settings.LANGUAGE_CODE) or url["alternates"][0]["location"]
                )
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls
