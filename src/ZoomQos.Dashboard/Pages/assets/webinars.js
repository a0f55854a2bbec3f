// The account's instances from /dashboard/api/webinars: live ones first, 50 a page, filtered by text and dates;
// a column's button sorts this page. Every cell is written with textContent.
(function () {
  "use strict";
  const body = document.querySelector("#webinars tbody");
  const form = document.getElementById("filters");
  let page = 1, rows = [], sortKey = null, sortDir = 1, pages = 1;
  const el = (tag, attrs, text) => { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (text !== undefined) e.textContent = text; return e; };

  async function load() {
    const query = new URLSearchParams({ page: String(page) });
    ["q", "from", "to"].forEach(name => { const value = document.getElementById(name).value; if (value) query.set(name, value); });
    const response = await fetch("/dashboard/api/webinars?" + query, { credentials: "same-origin" });
    if (response.status === 401) { location.href = "/signin"; return; }
    const list = await response.json();
    rows = list.instances; pages = list.pages; page = list.page;
    document.getElementById("count").textContent = list.total + " instance(s)";
    document.getElementById("page").textContent = "Page " + page + " of " + pages;
    document.getElementById("prev").disabled = page <= 1;
    document.getElementById("next").disabled = page >= pages;
    render();
  }

  function render() {
    const shown = sortKey ? [...rows].sort((a, b) => ((a[sortKey] ?? "") > (b[sortKey] ?? "") ? 1 : (a[sortKey] ?? "") < (b[sortKey] ?? "") ? -1 : 0) * sortDir) : rows;
    body.replaceChildren(...shown.map(r => {
      const tr = el("tr");
      const topic = el("td", { className: "topic" });
      topic.append(el("a", { href: "/webinars/" + r.webinar_id + "/instances/" + encodeURIComponent(r.uuid) }, r.topic || "(no topic)"));
      if (r.live) topic.append(" ", el("span", { className: "badge live" }, "Live"));
      tr.append(topic, el("td", {}, String(r.webinar_id)), el("td", {}, r.start_time.substring(0, 16).replace("T", " ")),
        el("td", {}, String(r.duration_minutes)), el("td", {}, r.participants == null ? "–" : String(r.participants)));
      const verdict = el("td");
      verdict.append(el("span", { className: "badge " + (r.verdict || "pending") }, r.verdict || (r.live ? "In progress" : "Pending")));
      tr.append(verdict, el("td", {}, r.poor_share == null ? "–" : (r.poor_share * 100).toFixed(1)), el("td", {}, r.top_cause || "–"));
      return tr;
    }));
  }

  document.querySelectorAll("#webinars th button").forEach(button => button.addEventListener("click", () => {
    const key = button.dataset.key;
    sortDir = sortKey === key ? -sortDir : 1; sortKey = key;
    document.querySelectorAll("#webinars th").forEach(th => th.removeAttribute("aria-sort"));
    button.parentElement.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
    render();
  }));
  form.addEventListener("submit", event => { event.preventDefault(); page = 1; load(); });
  document.getElementById("prev").addEventListener("click", () => { page--; load(); });
  document.getElementById("next").addEventListener("click", () => { page++; load(); });
  load().then(() => { window.zoomqosWebinarsReady = true; });
})();
