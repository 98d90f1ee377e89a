// Template editor: a live preview and SMS counts as the operator types.
// The counting mirrors messages/segments.py; its alphabet and limits come from the server (the form's data-sms
// attribute, generated from segments.py), so the two cannot drift apart.
(() => {
  "use strict";

  const form = document.querySelector("form[data-sms]");
  if (!form) return;
  const sms = JSON.parse(form.dataset.sms);
  const basic = new Set(sms.gsm7_basic);
  const extended = new Set(sms.gsm7_extended);
  const field = form.querySelector("textarea");
  const shown = (name) => document.querySelector(`[data-show="${name}"]`);
  const names = new Map(Object.entries(sms.names));
  const ANNOUNCE_DELAY_MS = 400; // let a screen reader hear the counts once typing pauses, not on every key

  // Segments needed for characters of the given unit sizes; a character is never split across segments.
  function pack(sizes, single, multi) {
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total <= single) return total ? 1 : 0;
    let segments = 1;
    let used = 0;
    for (const size of sizes) {
      if (used + size > multi) {
        segments += 1;
        used = 0;
      }
      used += size;
    }
    return segments;
  }

  // Encoding and segment count of `text` as one SMS (segments.analyse). Array.from splits by code point, as
  // Python iterates a str; a character beyond the BMP takes two UTF-16 units.
  function analyse(text) {
    const chars = Array.from(text);
    const offenders = [...new Set(chars.filter((ch) => !basic.has(ch) && !extended.has(ch)))];
    if (offenders.length) {
      const sizes = chars.map((ch) => (ch.codePointAt(0) > 0xffff ? 2 : 1));
      return { encoding: "UCS-2", segments: pack(sizes, ...sms.limits["UCS-2"]), offenders };
    }
    const sizes = chars.map((ch) => (extended.has(ch) ? 2 : 1));
    return { encoding: "GSM-7", segments: pack(sizes, ...sms.limits["GSM-7"]), offenders };
  }

  // The text as the server stores it (validation.normalise): edges without ASCII whitespace.
  const normalise = (text) => text.replace(/\r\n/g, "\n").replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, "");

  // catalog.render with the sample values; an unknown placeholder stays as typed (the server rejects it on save).
  const placeholder = new RegExp(sms.placeholder, "g");
  const render = (text) => text.replace(placeholder, (match, name) => sms.samples[name] ?? match);

  const codePoint = (ch) => "U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  const describe = (ch) => names.get(ch) ?? `${ch} (${codePoint(ch)})`;

  // Unicode names live in Python's unicodedata: ask the server once per new character.
  async function fetchNames(chars) {
    const unknown = chars.filter((ch) => !names.has(ch));
    if (!unknown.length) return;
    unknown.forEach((ch) => names.set(ch, `${ch} (${codePoint(ch)})`));
    try {
      const response = await fetch(`${sms.names_url}?chars=${encodeURIComponent(unknown.join(""))}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      Object.entries(await response.json()).forEach(([ch, name]) => names.set(ch, name));
      showCounts();
    } catch {
      // Offline or signed out: the code points already shown are enough to find the character.
    }
  }

  let latest = analyse("");
  let preview = "";

  function showCounts() {
    shown("characters").textContent = Array.from(preview).length;
    shown("encoding").textContent = latest.encoding;
    shown("segments").textContent = latest.segments;
    shown("over").hidden = latest.segments <= sms.max_segments;
    shown("ucs2").hidden = !latest.offenders.length;
    shown("offenders").textContent = latest.offenders.map(describe).join(", ");
  }

  let timer;
  function update() {
    preview = render(normalise(field.value));
    latest = analyse(preview);
    shown("preview").textContent = preview;
    clearTimeout(timer);
    timer = setTimeout(() => {
      showCounts();
      fetchNames(latest.offenders);
    }, ANNOUNCE_DELAY_MS);
  }

  field.addEventListener("input", update);
  update();
})();
