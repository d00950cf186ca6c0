import pytest
from django.core.exceptions import ImproperlyConfigured

from regrow.lib.cache import FileCache
from regrow.lib.env import cache_settings


def test_cache_url_chooses_the_backend(tmp_path):
    files = cache_settings(None, tmp_path)["default"]
    assert files["BACKEND"] == "regrow.lib.cache.FileCache"
    assert files["LOCATION"] == str(tmp_path / "cache")
    assert files["OPTIONS"]["MAX_ENTRIES"] >= 20_000
    assert cache_settings("file:///srv/regrow/cache")["default"]["LOCATION"] == "/srv/regrow/cache"
    assert cache_settings("locmem://")["default"]["BACKEND"].endswith("LocMemCache")
    redis = cache_settings("redis://127.0.0.1:6379/3")["default"]
    assert redis == {
        "BACKEND": "regrow.lib.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/3",
    }
    database = cache_settings("db://page_cache")["default"]
    assert database["BACKEND"].endswith("DatabaseCache") and database["LOCATION"] == "page_cache"
    with pytest.raises(ImproperlyConfigured, match="memcached"):
        cache_settings("memcached://127.0.0.1:11211")


def test_the_redis_cache_keeps_one_client_and_does_what_djangos_does(redis_cache):
    inner = redis_cache._cache
    assert inner.get_client() is inner.get_client(write=True)
    redis_cache.set("page", {"body": "Ā and ē"}, timeout=60)
    assert redis_cache.add("counter", 1, timeout=None)
    assert not redis_cache.add("counter", 5, timeout=None)
    assert redis_cache.incr("counter") == 2
    assert redis_cache.get_many(["page", "counter", "missing"]) == {
        "page": {"body": "Ā and ē"},
        "counter": 2,
    }
    redis_cache.delete("page")
    assert redis_cache.get("page", "gone") == "gone"


@pytest.fixture
def two_processes_caches(tmp_path):
    """Two cache objects on one directory, as two server processes have them."""
    params = {"OPTIONS": {"MAX_ENTRIES": 1000}}
    return FileCache(str(tmp_path), params), FileCache(str(tmp_path), params)


def test_the_file_cache_is_shared_and_add_is_atomic(two_processes_caches, monkeypatch):
    first, second = two_processes_caches
    first.set("generation", "a", timeout=None)
    assert second.get("generation") == "a"
    assert not second.add("generation", "b", timeout=None)
    assert second.add("other", "b", timeout=None) and first.get("other") == "b"
    # Another process writes the file between this one's look and its write: add still fails.
    monkeypatch.setattr(FileCache, "has_key", lambda self, key, version=None: False)
    assert not second.add("generation", "c", timeout=None)
    assert first.get("generation") == "a"
    assert first.get_many(["generation", "other", "missing"]) == {"generation": "a", "other": "b"}


def test_the_file_cache_culls_when_full(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 30}})
    cache.CULL_EVERY = 1
    for number in range(60):
        cache.set(f"page-{number}", number, timeout=60)
    assert len(list(tmp_path.glob("*.djcache"))) <= 31
