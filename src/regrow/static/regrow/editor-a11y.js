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
    if (!editable) return false;
    editable.setAttribute("aria-labelledby", label.id);
    editable.setAttribute("aria-multiline", "true");
    // A click on the label puts the cursor in the editor, as it would for a textarea.
    label.addEventListener("click", () => editable.focus());
    return true;
  };
  if (apply()) return;
  const observer = new MutationObserver(() => {
    if (apply()) observer.disconnect();
  });
  // The editor may add its editable area first and make it editable a moment later, so
  // watch the attribute as well as new elements.
  observer.observe(wrapper, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["contenteditable"],
  });
}

document.querySelectorAll("textarea[data-django-prose-editor-configurable]").forEach(nameEditor);
