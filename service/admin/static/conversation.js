// The escalation's conversation, live: new texts appear without a reload (the thread polled as JSON every few
// seconds, within the console's CSP: no inline script), and a saved reply can be inserted into the field.
(() => {
  "use strict";

  const POLL_MS = 4000;
  const thread = document.getElementById("thread");
  const saved = document.querySelector("select[data-insert-into]");

  if (saved) {
    saved.addEventListener("change", () => {
      const field = document.getElementById(saved.dataset.insertInto);
      if (!saved.value || !field) return;
      field.value = field.value ? `${field.value} ${saved.value}` : saved.value;
      field.dispatchEvent(new Event("input")); // the counts follow (editor.js)
      field.focus();
      saved.value = "";
    });
  }

  if (!thread) return;
  const label = (entry) =>
    ({ person: "They wrote", line: "The line replied", note: "Not sent" })[entry.from] ??
    `${entry.by ?? "An operator"} (operator) wrote`;

  function item(entry) {
    const li = document.createElement("li");
    const head = document.createElement("p");
    head.className = "muted";
    const time = document.createElement("time");
    time.dateTime = entry.at;
    time.textContent = entry.at.slice(0, 16).replace("T", " ");
    head.append(`${label(entry)}, `, time, " UTC");
    const body = document.createElement("p");
    body.textContent = entry.text;
    li.append(head, body);
    return li;
  }

  async function poll() {
    try {
      const response = await fetch(thread.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const { entries } = await response.json();
        // Entries are only ever appended: add the ones not shown yet.
        entries.slice(thread.children.length).forEach((entry) => thread.append(item(entry)));
      }
    } catch {
      // Offline or signed out: the next poll tries again.
    }
    setTimeout(poll, POLL_MS);
  }
  setTimeout(poll, POLL_MS);
})();
