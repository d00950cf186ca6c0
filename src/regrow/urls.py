from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from regrow import crawlers, views
from regrow.api.main import api
from regrow.lib.pagecache import cached_for_anonymous
from regrow.publishing.sitemaps import EntrySitemap
from regrow.towns.views import theme_css

SITEMAPS = {"pages": crawlers.PageSitemap, "entries": EntrySitemap}

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # A town's or network's colours: one address for every language.
    path("theme/<slug:slug>.css", theme_css, name="theme_css"),
    path("api/", api.urls),
    # An index of sitemap files, each bounded (EntrySitemap.limit addresses a file, `?p=2` …),
    # so that no request builds a national sitemap of tens of thousands of addresses at once.
    path(
        "sitemap.xml",
        cached_for_anonymous(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_file"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_for_anonymous(sitemaps.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_file",
    ),
    path("robots.txt", cached_for_anonymous(crawlers.robots_txt), name="robots_txt"),
    path("favicon.ico", crawlers.favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    # The rich-text editor's dialogs (django-prose-editor) call gettext in the browser.
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_prose_editor"]),
        name="javascript-catalog",
    ),
    path("accounts/", include("regrow.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("regrow.towns.urls")),
    path("", include("regrow.premises.urls")),
    path("", include("regrow.popups.urls")),
    path("", include("regrow.indicators.urls")),
    path("", include("regrow.network.urls")),
    path("", include("regrow.publishing.urls")),
    path("<slug:slug>/", views.place_home, name="place_home"),
    path("<slug:slug>/<slug:section>/", views.place_section, name="place_section"),
)

handler400 = "regrow.views.error_400"
handler403 = "regrow.views.error_403"
handler404 = "regrow.views.error_404"
handler500 = "regrow.views.error_500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
