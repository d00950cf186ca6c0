"""An editor writes a Latvian article in the rich-text editor, adds its English version and
publishes each in one step; a reader switches between them."""

from playwright.sync_api import expect

from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people


def rich_text(page, name: str):
    """The rich-text editor's area, named by its label, once the editor's scripts have built
    it: on a busy machine (two test workers, one of them fuzzing the API) that can take longer
    than an ordinary wait."""
    area = page.get_by_role("textbox", name=name).and_(
        page.locator(".ProseMirror[contenteditable='true']")
    )
    expect(area).to_be_visible(timeout=60_000)
    return area


def test_editor_writes_translates_and_publishes(new_page, transactional_db):
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    page = new_page(language="lv")
    sign_in(page, town.people[Role.EDITOR].email, PASSWORD, language="lv")
    page.goto("/lv/aluksne/news/")
    page.get_by_role("link", name="Rakstīt un labot").click()
    page.get_by_role("link", name="Rakstīt jaunu").click()
    assert_no_axe_violations(page)
    page.get_by_label("Virsraksts").fill("Partneri tikās Alūksnē")
    page.get_by_label("Ievads").fill("Divu dienu tikšanās par tukšajām telpām.")
    editor = rich_text(page, "Teksts")
    editor.click()
    page.keyboard.type("Pirmajā dienā partneri pārrunāja pārneses plānus.")
    # The editor's own dialogs speak the page's language too.
    page.get_by_role("button", name="Attēls").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text("Ievietot attēlu")
    expect(dialog.get_by_label("Attēla adrese")).to_be_visible()
    assert_no_axe_violations(page)
    dialog.get_by_role("button", name="Atcelt").click()
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Publicēt tagad").click()
    expect(page.get_by_text("Publicēts.", exact=True)).to_be_visible()
    latvian = Entry.objects.get(language="lv")
    assert latvian.is_published()
    assert "pārrunāja pārneses plānus" in latvian.body

    page.locator("#id_language").select_option("en")
    page.get_by_role("button", name="Pievienot tulkojumu").click()
    expect(page.get_by_label("Virsraksts")).to_have_value("Partneri tikās Alūksnē")
    page.get_by_label("Virsraksts").fill("Partners met in Alūksne")
    page.get_by_label("Ievads").fill("A two-day meeting on empty shop units.")
    # "Publish now" on a new translation publishes it in one step.
    page.get_by_role("button", name="Publicēt tagad").click()
    expect(page.get_by_text("Publicēts.", exact=True)).to_be_visible()
    english = Entry.objects.get(language="en")
    assert english.is_published()
    assert english.translation_group == latvian.translation_group
    assert_no_axe_violations(page)

    reader = new_page(language="lv")
    reader.goto(latvian.get_absolute_url())
    assert_no_axe_violations(reader)
    reader.locator(".language-switch summary").click()
    reader.get_by_role("link", name="English").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Partners met in Alūksne")


def test_editor_uploads_a_picture_and_makes_it_the_main_picture(
    new_page, transactional_db, tmp_path, settings
):
    from io import BytesIO

    from PIL import Image as PILImage

    settings.MEDIA_ROOT = tmp_path
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    page = new_page()
    sign_in(page, town.people[Role.EDITOR].email, PASSWORD)
    page.goto("/en/aluksne/news/pictures/")
    assert_no_axe_violations(page)
    # A file that only pretends to be a picture is refused, and the description stays.
    page.get_by_label("Picture").set_input_files(
        files=[{"name": "shop.jpg", "mimeType": "image/jpeg", "buffer": b"%PDF-1.4"}]
    )
    page.get_by_label("Description for people who cannot see it").fill("Shop window")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("Upload a valid image.", exact=False)).to_be_visible()
    expect(page.get_by_label("Description for people who cannot see it")).to_have_value(
        "Shop window"
    )
    assert_no_axe_violations(page)
    picture = BytesIO()
    PILImage.new("RGB", (800, 500), (200, 80, 40)).save(picture, format="JPEG")
    page.get_by_label("Picture").set_input_files(
        files=[{"name": "shop.jpg", "mimeType": "image/jpeg", "buffer": picture.getvalue()}]
    )
    page.get_by_label("Credit").fill("Photo: Alūksne municipality")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("The picture is kept")).to_be_visible()
    expect(page.get_by_role("img", name="Shop window")).to_be_visible()

    page.goto("/en/aluksne/news/write/")
    page.get_by_label("Title").fill("A new pop-up on Pils iela")
    page.get_by_label("Main picture").select_option(label="Shop window")
    page.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published.", exact=True)).to_be_visible()
    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_role("img", name="Shop window")).to_be_visible()
    expect(page.get_by_text("Credit: Photo: Alūksne municipality")).to_be_visible()
    assert_no_axe_violations(page)


def test_editor_puts_a_picture_from_the_library_into_the_text(
    new_page, transactional_db, tmp_path, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from regrow.publishing import services
    from tests.publishing.test_reading_and_pictures import png

    settings.MEDIA_ROOT = tmp_path
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    editor = town.people[Role.EDITOR]
    image = services.image_upload(
        publisher=town.town,
        by=editor,
        upload=SimpleUploadedFile("market.png", png()),
        alt_text="Market square in spring",
        credit="Photo: Alūksne municipality",
    )
    page = new_page()
    sign_in(page, editor.email, PASSWORD)
    page.goto("/en/aluksne/news/write/")
    page.get_by_label("Title").fill("Spring market")
    rich_text(page, "Text").click()
    page.get_by_role("button", name="Picture").click()
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Browse...").click()
    picker = opened.value
    expect(picker.get_by_role("img", name="Market square in spring")).to_be_visible()
    assert_no_axe_violations(picker)
    picker.get_by_role("button", name="Use this picture").click()
    # The library hands address, description and credit to the editor's dialog, and closes.
    expect(page.get_by_label("Image URL")).to_have_value(image.file.url)
    expect(page.get_by_label("Alternative Text")).to_have_value("Market square in spring")
    page.get_by_role("button", name="Insert", exact=True).click()
    page.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published.", exact=True)).to_be_visible()
    entry = Entry.objects.get(title="Spring market")
    assert f'src="{image.file.url}"' in entry.body and 'alt="Market square in spring"' in entry.body
    page.get_by_role("link", name="Preview").click()
    expect(
        page.locator(".entry-body").get_by_role("img", name="Market square in spring")
    ).to_be_visible()
    expect(page.locator(".entry-body figcaption")).to_have_text("Photo: Alūksne municipality")
    assert_no_axe_violations(page)


# Every breach of the content security policy, as the page sees it (added before any script).
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(
  `${event.violatedDirective} ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`));
"""


def test_editor_works_under_the_content_security_policy(new_page, transactional_db):
    """No inline style is allowed but the editor's own <style>, which carries the response's
    nonce: with it blocked, typed spaces collapsed while writing."""
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    page = new_page()
    page.add_init_script(WATCH_CSP)
    sign_in(page, town.people[Role.EDITOR].email, PASSWORD)
    response = page.goto("/en/aluksne/news/write/")
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "style-src 'self' 'nonce-" in policy
    page.get_by_label("Title").fill("Opening hours")
    editor = rich_text(page, "Text")
    editor.click()
    page.keyboard.type("Open  daily")
    page.get_by_role("button", name="Bold").click()
    page.keyboard.type(" from nine")
    page.get_by_role("button", name="Insert a table").click()
    page.get_by_role("dialog").get_by_role("button", name="Insert Table").click()
    page.keyboard.type("Monday")
    page.get_by_role("button", name="Picture").click()
    page.get_by_label("Image URL").fill("/static/regrow/shop.png")
    page.get_by_label("Alternative Text").fill("The shop")
    page.get_by_role("button", name="Insert", exact=True).click()
    expect(editor.locator("table figure img")).to_have_attribute("alt", "The shop")
    assert page.evaluate("window.cspViolations") == []
    # The editor's base rules apply: two typed spaces stay two.
    assert editor.evaluate("element => getComputedStyle(element).whiteSpace") != "normal"
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit")
    # Opening the saved text again, with its table and picture, breaks nothing either.
    expect(rich_text(page, "Text").locator("table")).to_be_visible()
    assert page.evaluate("window.cspViolations") == []
    assert "Open  daily" in Entry.objects.get().body
