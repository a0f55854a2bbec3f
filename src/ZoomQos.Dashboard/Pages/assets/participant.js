// A participant's history (/dashboard/api/participants/{person}): every session across webinars with its verdict and cause.
(function () {
  "use strict";
  const { el, json, when, instanceHref, link, cell, fill } = zq;
  const person = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] || "");
  const VERDICTS = { Good: ["Good", "Healthy"], Fair: ["Fair", "Degraded"], Poor: ["Poor", "Critical"], InsufficientData: ["Insufficient data", "pending"] };

  async function load() {
    const history = await json("/dashboard/api/participants/" + encodeURIComponent(person));
    const who = document.getElementById("who");
    if (!history) return;
    const webinars = new Set(history.sessions.map(s => s.webinar_id)).size;
    who.textContent = person + " · " + history.sessions.length + " session(s) in " + new Set(history.sessions.map(s => s.uuid)).size + " instance(s) of " + webinars + " webinar(s)";
    fill(document.querySelector("#sessions tbody"), history.sessions, s => {
      const tr = el("tr");
      const [text, tone] = VERDICTS[s.verdict] || [s.verdict, "pending"];
      const verdict = el("span", { className: "badge " + tone }, text);
      tr.append(cell(link(instanceHref(s.webinar_id, s.uuid), when(s.start_time))), cell(s.topic, "topic"), cell(link("/trends/" + s.webinar_id, String(s.webinar_id))),
        cell(s.name || "–"), cell(verdict), cell(s.mos_p10 == null ? "–" : s.mos_p10.toFixed(2), "num"), cell(s.cause || "–"));
      return tr;
    }, "No session of this person in the archive.");
  }

  load().then(() => { window.zoomqosReady = true; });
})();
