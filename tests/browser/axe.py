"""Fail a test on any accessibility violation that axe-core finds in the page."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def assert_no_axe_violations(page) -> None:
    # A click that navigates returns once the new page has begun: check the whole page.
    page.wait_for_load_state("load")
    results = _axe.run(page)
    assert results.violations_count == 0, (
        f"axe found {results.violations_count} violation(s) on {page.url}:\n"
        + results.generate_report()
    )
