// The account's instances from /dashboard/api/webinars: live ones first, 50 a page, filtered by text and dates;
// a column's button sorts this page.
(function () {
  "use strict";
  const { el, json, when, pct, badge, instanceHref, link, cell } = zq;
  const body = document.querySelector("#webinars tbody");
  const form = document.getElementById("filters");
  let page = 1, rows = [], sortKey = null, sortDir = 1, pages = 1;

  async function load() {
    const query = new URLSearchParams({ page: String(page) });
    ["q", "from", "to"].forEach(name => { const value = document.getElementById(name).value; if (value) query.set(name, value); });
    const list = await json("/dashboard/api/webinars?" + query);
    if (!list) return;
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
      topic.append(link(instanceHref(r.webinar_id, r.uuid), r.topic || "(no topic)"));
      if (r.meeting) topic.append(" ", el("span", { className: "badge meeting" }, "Meeting"));
      if (r.live) topic.append(" ", el("span", { className: "badge live" }, "Live"));
      tr.append(topic, cell(link("/trends/" + r.webinar_id, String(r.webinar_id))), cell(when(r.start_time)),
        cell(String(r.duration_minutes), "num"), cell(r.participants == null ? "–" : String(r.participants), "num"),
        cell(badge(r.verdict, r.live ? "In progress" : "Pending")), cell(pct(r.poor_share), "num"), cell(r.top_cause || "–"));
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
  load().then(() => { window.zoomqosReady = true; });
})();
