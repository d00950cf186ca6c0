"""Demo data: each app may have a `demo.py` with `load(demo: Demo)`; they run in app order.

Loading is idempotent: every loader looks rows up by a natural key and creates or updates
them, so running it twice changes nothing.
"""

from dataclasses import dataclass, field
from importlib import import_module, util

from django.apps import apps
from django.db import transaction


@dataclass
class Demo:
    """Shared state between the app loaders, and what is printed at the end."""

    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (who, e-mail, password)
    notes: list[str] = field(default_factory=list)

    def add_login(self, who: str, email: str, password: str) -> None:
        self.logins.append((who, email, password))


def demo_modules() -> list:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("regrow."):
            continue
        name = f"{config.name}.demo"
        if util.find_spec(name) is not None:
            modules.append(import_module(name))
    return modules


@transaction.atomic
def load_all() -> Demo:
    demo = Demo()
    for module in demo_modules():
        module.load(demo)
    return demo


def report(demo: Demo) -> str:
    lines = ["Demo logins (e-mail / password):"]
    width = max((len(who) for who, _e, _p in demo.logins), default=0)
    for who, email, password in demo.logins:
        lines.append(f"  {who.ljust(width)}  {email}  /  {password}")
    lines.extend(demo.notes)
    return "\n".join(lines)
