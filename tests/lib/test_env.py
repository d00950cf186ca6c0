import pytest
from django.core.exceptions import ImproperlyConfigured

from regrow.lib.env import email_settings, env_bool, env_choices, env_int, env_list, env_str


def test_env_bool_reads_the_usual_words_and_refuses_others(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be one of"):
        env_bool("FLAG", False)


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("COUNT", "12")
    monkeypatch.setenv("HOSTS", "a.example.org, b.example.org,")
    assert env_int("COUNT", 1) == 12
    assert env_list("HOSTS", []) == ["a.example.org", "b.example.org"]
    monkeypatch.setenv("COUNT", "twelve")
    with pytest.raises(ImproperlyConfigured, match="COUNT must be a whole number"):
        env_int("COUNT", 1)


def test_env_choices_keeps_the_order_and_drops_repeats(monkeypatch):
    allowed = ["lv", "en", "de"]
    assert env_choices("LANGS", ["lv", "en"], allowed) == ["lv", "en"]
    monkeypatch.setenv("LANGS", " en, de ,en")
    assert env_choices("LANGS", ["lv", "en"], allowed, required=["en"]) == ["en", "de"]


def test_env_choices_refuses_unknown_and_missing_values_naming_the_variable(monkeypatch):
    monkeypatch.setenv("LANGS", "lv,en,xx")
    with pytest.raises(ImproperlyConfigured, match="LANGS may only name lv, en, de; got 'xx'"):
        env_choices("LANGS", [], ["lv", "en", "de"])
    monkeypatch.setenv("LANGS", "lv")
    with pytest.raises(ImproperlyConfigured, match="LANGS must include 'en'"):
        env_choices("LANGS", [], ["lv", "en"], required=["en"])
    monkeypatch.setenv("LANGS", "")
    with pytest.raises(ImproperlyConfigured, match="LANGS must include 'en'"):
        env_choices("LANGS", ["en"], ["lv", "en"], required=["en"])


def test_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("TOKEN_FILE", str(secret))
    monkeypatch.setenv("TOKEN", "from-the-variable")
    assert env_str("TOKEN") == "from-a-file"


def test_email_url_becomes_smtp_settings():
    config = email_settings("smtp+tls://mailer%40town.example.org:p%40ss@mail.example.org")
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "mailer@town.example.org"
    assert config["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert config["EMAIL_USE_TLS"] and not config["EMAIL_USE_SSL"]
    assert email_settings("smtp+ssl://h.example.org")["EMAIL_PORT"] == 465
    assert email_settings(None)["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured, match="scheme 'ftp' is not known"):
        email_settings("ftp://example.org")
