// The rich-text editor (Tiptap) adds its base rules, such as keeping typed spaces, as a <style>
// element. Our content security policy lets a <style> element in only with this response's
// nonce, so this extension hands the nonce to the editor before it adds the element.
//
// Browsers hide a nonce attribute from the page (against theft through injected CSS) but keep
// it in the element's `nonce` property: it is read from a script the page loaded with it.
import { Extension } from "django-prose-editor/editor";

export const StyleNonce = Extension.create({
  name: "styleNonce",

  onBeforeCreate() {
    const script = document.querySelector("script[nonce]");
    if (script && script.nonce) {
      this.editor.setOptions({ injectNonce: script.nonce });
    }
  },
});
