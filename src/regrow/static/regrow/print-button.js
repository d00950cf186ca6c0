// The Print button of pages made to be printed: shown only where scripts run, since printing
// from the browser's own menu works the same (the print stylesheet is in site.css).
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
