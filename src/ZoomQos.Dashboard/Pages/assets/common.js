// What every dashboard page's script shares: making elements (text only through textContent), fetching the
// dashboard's JSON (a lapsed session goes to /signin, a 404 is null), and the formats of dates, shares and verdicts.
const zq = (function () {
  "use strict";
  const el = (tag, attrs, text) => { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (text !== undefined && text !== null) e.textContent = text; return e; };
  async function json(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (response.status === 401) { location.href = "/signin"; return null; }
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(url + " answered " + response.status);
    return response.json();
  }
  const when = iso => iso ? iso.substring(0, 16).replace("T", " ") : "–";
  const day = iso => iso ? iso.substring(0, 10) : "–";
  const pct = share => share === null || share === undefined ? "–" : (share * 100).toFixed(1);
  const badge = (verdict, fallback) => el("span", { className: "badge " + (verdict || "pending") }, verdict || fallback || "Pending");
  const instanceHref = (webinarId, uuid) => "/webinars/" + webinarId + "/instances/" + encodeURIComponent(uuid);
  const personHref = person => "/participants/" + encodeURIComponent(person);
  const link = (href, text) => el("a", { href: href }, text);
  const cell = (content, className) => { const td = el("td", className ? { className: className } : {}); if (content instanceof Node) td.append(content); else td.textContent = content; return td; };
  const shareCell = share => { const td = cell(pct(share), "num"); if (share) td.append(el("span", { className: "bar", style: "width:" + Math.round(Math.min(1, share) * 80) + "px" })); return td; };
  // A table's body, or one row saying there is nothing.
  function fill(tbody, items, row, empty) {
    const columns = tbody.closest("table").querySelectorAll("thead th").length || 1;
    if (!items.length) { const tr = el("tr"); tr.append(el("td", { colSpan: columns, className: "muted empty" }, empty)); tbody.replaceChildren(tr); return; }
    tbody.replaceChildren(...items.map(row));
  }
  // The page's ?from=&to= (dates) and the form that sets them.
  function range(form) {
    const params = new URLSearchParams(location.search);
    ["from", "to"].forEach(name => { const input = form.elements[name]; if (input && params.get(name)) input.value = params.get(name); });
    const query = new URLSearchParams();
    ["from", "to"].forEach(name => { const input = form.elements[name]; if (input && input.value) query.set(name, input.value); });
    return query;
  }
  return { el, json, when, day, pct, badge, instanceHref, personHref, link, cell, shareCell, fill, range };
})();
