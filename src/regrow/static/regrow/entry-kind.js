// The writing page shows an event's fields (when, where, online link, map point) only while
// the kind is "event". Without this script every field shows; the server checks them as ever.
"use strict";

const kind = document.getElementById("id_kind");
const eventFields = document.getElementById("event-fields");

if (kind && eventFields) {
  const show = () => {
    // A field the server refused stays in view whatever the kind.
    const refused = eventFields.querySelector("[aria-invalid='true']");
    eventFields.hidden = kind.value !== "event" && !refused;
  };
  kind.addEventListener("change", show);
  show();
}
