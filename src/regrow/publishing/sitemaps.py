"""The sitemap: every published entry, with the addresses of its translations."""

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from regrow.lib.i18n import offered_language_codes
from regrow.publishing.models import Entry


class EntrySitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

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
        return entry.updated_at

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
            url["alternates"] = [
                {
                    "lang_code": other.language,
                    "location": f"{origin}{other.get_absolute_url()}",
                }
                for other in groups.get(entry.translation_group, [])
            ]
        return urls
