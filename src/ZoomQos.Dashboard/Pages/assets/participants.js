// /participants?q=: the people whose name or email contains q (/dashboard/api/participants), each linking to their history.
(function () {
  "use strict";
  const { el, json, when, personHref, link, cell, fill } = zq;
  const q = new URLSearchParams(location.search).get("q") || "";
  document.getElementById("q").value = q;

  async function load() {
    const count = document.getElementById("count");
    if (q.trim().length < 2) { count.textContent = "Type at least two letters of a name or an email."; return; }
    const people = await json("/dashboard/api/participants?q=" + encodeURIComponent(q));
    if (!people) return;
    count.textContent = people.length + " people match “" + q + "”";
    fill(document.querySelector("#people tbody"), people, p => {
      const tr = el("tr");
      tr.append(cell(link(personHref(p.person), p.name || p.person)), cell(p.email || "–"), cell(String(p.sessions), "num"), cell(String(p.instances), "num"),
        cell(String(p.webinars), "num"), cell(when(p.last_seen)));
      return tr;
    }, "Nobody in the archive matches.");
  }

  load().then(() => { window.zoomqosReady = true; });
})();
