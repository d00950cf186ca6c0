"""Cache backends: Django's Redis cache keeping its clients, and a file cache for one machine.

Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's backend builds a new `redis.Redis` object for every cache operation, which costs
more than the round trip to Redis on loopback; a cached page is served in about half the
time when the client is kept. Redis clients are safe to share between threads (each command
takes a connection from the pool) and their pools reconnect after a fork.
"""

import itertools
import os
import tempfile

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _KeptClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _KeptClients


_stores = itertools.count()


class FileCache(FileBasedCache):
    """Django's file cache, the default for the server processes of one machine, with `add`
    atomic between processes and the directory counted once in CULL_EVERY stores.

    Django's `add` looks for the file and then writes it: two processes could both add. Here
    the new file is linked into place, which fails if another process's is already there.
    Django lists the whole directory before every store, to see whether it is full; with tens
    of thousands of pages that took longer than rendering a small page.
    """

    CULL_EVERY = 50

    def _cull(self):
        if next(_stores) % self.CULL_EVERY == 0:
            super()._cull()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):  # also removes an expired file
            return False
        self._createdir()
        self._cull()
        descriptor, temporary = tempfile.mkstemp(dir=self._dir)
        try:
            with open(descriptor, "wb") as file:
                self._write_content(file, timeout, value)
            try:
                os.link(temporary, self._key_to_file(key, version))
            except FileExistsError:
                return False
            return True
        finally:
            os.remove(temporary)
