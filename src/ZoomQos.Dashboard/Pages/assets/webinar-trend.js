// One recurring webinar (/dashboard/api/trends/{webinarId}): each instance in date order, and the causes that recur.
(function () {
  "use strict";
  const { el, json, when, badge, instanceHref, personHref, link, cell, shareCell, fill } = zq;
  const webinarId = location.pathname.split("/").filter(Boolean)[1];

  async function load() {
    const trend = await json("/dashboard/api/trends/" + encodeURIComponent(webinarId));
    if (!trend) return;
    document.getElementById("topic").textContent = (trend.topic || "Webinar") + " · webinar ID " + trend.webinar_id + " · " + trend.instances.length + " instance(s)";
    fill(document.querySelector("#instances tbody"), trend.instances, i => {
      const tr = el("tr");
      const minutes = i.end_time ? Math.round((Date.parse(i.end_time) - Date.parse(i.start_time)) / 60000) : null;
      const causes = el("td");
      if (i.top_causes.length) { const list = el("ul", { style: "margin:0;padding-left:18px" }); i.top_causes.forEach(c => list.append(el("li", {}, c))); causes.append(list); } else causes.textContent = "–";
      tr.append(cell(link(instanceHref(i.webinar_id, i.uuid), when(i.start_time))), cell(minutes === null ? "–" : String(minutes), "num"), cell(String(i.participants), "num"),
        cell(badge(i.verdict)), shareCell(i.poor_share), causes);
      return tr;
    }, "No instance of this webinar has a summary yet.");
    fill(document.querySelector("#recurring tbody"), trend.recurring, r => {
      const tr = el("tr");
      tr.append(cell(r.title), cell(link(personHref(r.cause_person), r.cause_name || r.cause_person)), cell(String(r.instances.length), "num"));
      return tr;
    }, "No cause came back from the same person.");
  }

  load().then(() => { window.zoomqosReady = true; });
})();
