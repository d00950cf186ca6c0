// The rich-text editor's editable area gets the name of its form label, so screen readers
// announce it ("Text"), and it says it holds several lines. Its toolbar buttons get their
// names and tooltips in the page's language: django-prose-editor writes them in English
// ("bold", "unordered list") without asking a catalogue, so they come from ours.
/* global gettext, interpolate */
"use strict";

// The JavaScript catalogue (/<language>/jsi18n/) is loaded before this script, by the page's
// head. By the button's data-name (or, for buttons without one, its English title).
const TOOL_NAMES = {
  bold: gettext("Bold"),
  italic: gettext("Italic"),
  underline: gettext("Underline"),
  strike: gettext("Strikethrough"),
  subscript: gettext("Subscript"),
  superscript: gettext("Superscript"),
  bulletList: gettext("Bulleted list"),
  orderedList: gettext("Numbered list"),
  blockquote: gettext("Quotation"),
  horizontalRule: gettext("Horizontal line"),
  figure: gettext("Picture"),
  link: gettext("Insert a link"),
  unlink: gettext("Remove the link"),
  table: gettext("Insert a table"),
  "table:addColumnAfter": gettext("Add a column"),
  "table:deleteColumn": gettext("Delete the column"),
  "table:addRowAfter": gettext("Add a row"),
  "table:deleteRow": gettext("Delete the row"),
  "table:mergeCells": gettext("Merge cells"),
  "table:splitCell": gettext("Split the cell"),
  "table:toggleHeaderCell": gettext("Header cell"),
  undo: gettext("Undo"),
  redo: gettext("Redo"),
  paragraph: gettext("Paragraph"),
};

function blockName(key) {
  const level = /^heading ?(\d)$/.exec(key || "");
  if (!level) return TOOL_NAMES[key];
  return interpolate(gettext("Heading %s"), [level[1]]);
}

function nameTools(menubar) {
  menubar.querySelectorAll("button").forEach((button) => {
    // A title that is not the one given here is the library's (it renames the block-type
    // button as the cursor moves).
    if (button.title !== button.dataset.givenName) button.dataset.englishTitle = button.title;
    const name = blockName(button.dataset.name) || blockName(button.dataset.englishTitle);
    if (!name) return;
    button.dataset.givenName = name;
    // The block-type picker's options show their name as text (“Heading 2”, “Paragraph”),
    // which is their accessible name too.
    if (button.classList.contains("prose-menubar__option")) {
      const shown = button.firstElementChild;
      if (shown && shown.textContent !== name) shown.textContent = name;
      return;
    }
    if (button.title !== name) button.title = name;
    if (button.getAttribute("aria-label") !== name) button.setAttribute("aria-label", name);
  });
}

function watchToolbar(wrapper) {
  const apply = () => wrapper.querySelectorAll(".prose-menubar").forEach(nameTools);
  apply();
  new MutationObserver(apply).observe(wrapper, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["title"],
  });
}

function nameEditor(textarea) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (!label) return;
  label.id = label.id || `${textarea.id}-label`;
  const wrapper = textarea.parentElement;
  const apply = () => {
    const editable = wrapper.querySelector("[contenteditable='true']");
    if (!editable || editable.getAttribute("aria-labelledby") === label.id) return;
    editable.setAttribute("aria-labelledby", label.id);
    editable.setAttribute("aria-multiline", "true");
  };
  // A click on the label puts the cursor in the editor, as it would for a textarea.
  label.addEventListener("click", () => {
    const editable = wrapper.querySelector("[contenteditable='true']");
    if (editable) editable.focus();
  });
  apply();
  // The editor may build its editable area after this script, make it editable a moment
  // later, or build it again: keep watching and name whichever area is there.
  new MutationObserver(apply).observe(wrapper, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["contenteditable"],
  });
}

document.querySelectorAll("textarea[data-django-prose-editor-configurable]").forEach((area) => {
  nameEditor(area);
  watchToolbar(area.parentElement);
});
