import pytest
from django.core.exceptions import ImproperlyConfigured

from regrow.lib.env import cache_settings


def test_cache_url_chooses_the_backend():
    assert cache_settings(None)["default"]["BACKEND"].endswith("LocMemCache")
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
