// The picture library opened from the editor's picture dialog ("Browse…"): choosing a picture
// hands its address, description and credit back to the dialog and closes this window.
"use strict";

const funcNum = new URLSearchParams(window.location.search).get("CKEditorFuncNum");

document.querySelectorAll("button.use-picture").forEach((button) => {
  button.addEventListener("click", () => {
    const editor = window.opener && window.opener.CKEDITOR;
    if (!editor || !funcNum) return;
    editor.tools.callFunction(Number(funcNum), button.dataset.url, {
      alternative_text: button.dataset.alt,
      caption: button.dataset.credit,
    });
    window.close();
  });
});
