// The account over a range (/dashboard/api/trends): who is poor again and again, which causes recur, every
// dimension's groups with their poor share and its change against the range before, and the instances.
(function () {
  "use strict";
  const { el, json, when, pct, badge, instanceHref, personHref, link, cell, shareCell, fill, range } = zq;
  const DIMENSIONS = { location: "Location", network_type: "Network type", device: "Device", os: "OS", client_version: "Client version", data_center: "Data centre" };

  const words = kind => kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase(); // WeakWifi: "weak wifi"

  function change(group) {
    if (group.change === undefined || group.change === null) return cell("new", "muted");
    const points = group.change * 100;
    const td = cell((points > 0 ? "+" : "") + points.toFixed(1), "num");
    if (Math.abs(points) >= 0.05) td.className += points > 0 ? " worse" : " better";
    return td;
  }

  async function load() {
    const trend = await json("/dashboard/api/trends?" + range(document.getElementById("filters")));
    if (!trend) return;
    document.getElementById("count").textContent = trend.instances.length + " instance(s) with a summary in the range";
    fill(document.querySelector("#repeat tbody"), trend.repeat_poor, p => {
      const tr = el("tr");
      tr.append(cell(link(personHref(p.person), p.name || p.person)), cell(String(p.instances.length), "num"), cell(p.causes.map(words).join(", ") || "–"));
      return tr;
    }, "Nobody was poor in three or more instances.");
    fill(document.querySelector("#recurring tbody"), trend.recurring, r => {
      const tr = el("tr");
      tr.append(cell(r.title), cell(link(personHref(r.cause_person), r.cause_name || r.cause_person)), cell(String(r.instances.length), "num"));
      return tr;
    }, "No cause came back from the same person.");
    const sections = Object.entries(DIMENSIONS).map(([key, title]) => {
      const section = el("section", { className: "dimension" });
      const id = "dimension-" + key;
      section.append(el("h3", { id: id }, title));
      const table = el("table", {});
      table.setAttribute("aria-labelledby", id);
      const head = el("thead"); const tr = el("tr");
      ["Group", "Participants", "Poor %", "Change (points)"].forEach((name, i) => { const th = el("th", { scope: "col", className: i ? "num" : "" }, name); tr.append(th); });
      head.append(tr);
      const body = el("tbody");
      table.append(head, body);
      const wrap = el("div", { className: "tablewrap" }); wrap.append(table);
      section.append(wrap);
      fill(body, (trend.breakdowns[key] || []).slice(0, 12), g => { const row = el("tr"); row.append(cell(g.value || "(blank)"), cell(String(g.participants), "num"), shareCell(g.poor_share), change(g)); return row; }, "No sessions.");
      return section;
    });
    document.getElementById("breakdowns").replaceChildren(...sections);
    fill(document.querySelector("#instances tbody"), [...trend.instances].reverse(), i => {
      const tr = el("tr");
      tr.append(cell(link(instanceHref(i.webinar_id, i.uuid), when(i.start_time))), cell(i.topic, "topic"), cell(link("/trends/" + i.webinar_id, String(i.webinar_id))),
        cell(String(i.participants), "num"), cell(badge(i.verdict)), shareCell(i.poor_share), cell(i.top_causes[0] || "–"));
      return tr;
    }, "No instance in the range has a summary yet.");
  }

  load().then(() => { window.zoomqosReady = true; });
})();
