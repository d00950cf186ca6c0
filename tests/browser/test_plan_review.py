"""Peer review on a Latvian phone: an assigned reviewer comments on a section of a Transfer Plan
in review; the plan's author reads it, answers it (which resolves it) and downloads the version
as DOCX (python-docx reads every section) and as PDF. Zero axe violations on every page."""

from io import BytesIO
from pathlib import Path

import docx
import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from regrow.network.models import ReviewComment, SectionKey
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET
from tests.network.review_data import make_review_network

COMMENT = "Kāpēc seši mēneši, nevis astoņi kā Altenā?"
ANSWER = "Alūksnē ir mazāk telpu; sāksim ar sešiem mēnešiem."


@pytest.fixture
def net(transactional_db):
    return make_review_network()


def phone_of(new_page, user):
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, user.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    return page


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_reviewer_comments_and_the_author_answers_and_downloads_the_plan(new_page, net, tmp_path):
    review = f"/lv/regrow-city/plans/{net.plan.pk}/review/"

    reviewer = phone_of(new_page, net.people["reviewer"])
    reviewer.goto(review)
    expect(reviewer.locator("h1")).to_contain_text("Alūksnes pop-up veikali")
    section = reviewer.locator("#section-adaptations")
    expect(section).to_contain_text("Īsāks termiņš")
    fits_the_phone(reviewer)
    assert_no_axe_violations(reviewer)
    section.locator("textarea").fill(COMMENT)
    section.locator("button[type=submit]").click()
    reviewer.wait_for_url("**/versions/1/review/#section-adaptations")
    expect(reviewer.locator("#section-adaptations .comments-open")).to_contain_text(COMMENT)
    expect(reviewer.locator(".messages")).to_be_visible()
    fits_the_phone(reviewer)
    reviewer.screenshot(path=tmp_path / "reviewer.png", full_page=True)
    assert_no_axe_violations(reviewer)
    comment = ReviewComment.objects.get()
    assert comment.author == net.people["reviewer"] and comment.section == "adaptations"
    assert [message.to for message in mail.outbox] == [["author@aluksne.example.org"]]
    assert f"/lv/regrow-city/plans/{net.plan.pk}/versions/1/review/" in mail.outbox[0].body

    author = phone_of(new_page, net.people["author"])
    author.goto(review)
    open_comment = author.locator(f"#comment-{comment.pk}")
    expect(open_comment).to_contain_text(COMMENT)
    assert_no_axe_violations(author)
    open_comment.locator("textarea").fill(ANSWER)
    open_comment.locator("button[type=submit]").click()
    author.wait_for_url("**/versions/1/review/#section-adaptations")
    resolved = author.locator("#section-adaptations .comments-resolved")
    resolved.locator("summary").click()
    expect(resolved).to_contain_text(ANSWER)
    expect(author.locator("#section-adaptations .comments-open")).to_have_count(0)
    fits_the_phone(author)
    author.screenshot(path=tmp_path / "author.png", full_page=True)
    assert_no_axe_violations(author)
    comment.refresh_from_db()
    assert comment.resolution == ANSWER and comment.resolved_by == net.people["author"]
    assert mail.outbox[-1].to == ["reviewer@idrija.example.org"]

    docx_link = author.locator("a[href$='/plan.docx']")
    pdf_link = author.locator("a[href$='/plan.pdf']")
    for link in (docx_link, pdf_link):
        box = link.bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"] and box["height"] >= 24
    with author.expect_download() as download:
        docx_link.click()
    assert download.value.suggested_filename == "regrow-city-aluksne-transfer-plan-v1.docx"
    word = docx.Document(BytesIO(Path(download.value.path()).read_bytes()))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    with translation.override("lv"):
        assert headings == [str(label) for _key, label in SectionKey.choices]
    assert "Īsāks termiņš: seši līdz astoņi mēneši." in [p.text for p in word.paragraphs]

    with author.expect_download() as download:
        pdf_link.click()
    assert download.value.suggested_filename == "regrow-city-aluksne-transfer-plan-v1.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
