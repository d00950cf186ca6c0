// The rich-text editor's editable area gets the name of its form label, so screen readers
// announce it ("Text"), and it says it holds several lines.
"use strict";

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

document.querySelectorAll("textarea[data-django-prose-editor-configurable]").forEach(nameEditor);
