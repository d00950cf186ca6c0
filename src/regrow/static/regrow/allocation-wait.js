// The allocation page while the solver works: ask every two seconds whether the proposal is
// ready and reload the page when it is. Without JavaScript the page offers a reload link.
(function () {
  "use strict";
  var box = document.querySelector("[data-allocation-status]");
  if (!box) return;
  var url = box.getAttribute("data-allocation-status");
  var run = box.getAttribute("data-run");
  function ask() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && (String(answer.run) !== run || (answer.state !== "queued" && answer.state !== "running"))) {
          window.location.reload();
        } else {
          window.setTimeout(ask, 2000);
        }
      })
      .catch(function () { window.setTimeout(ask, 5000); });
  }
  window.setTimeout(ask, 1500);
})();
