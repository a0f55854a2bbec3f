// The ZoomQos report, drawn from a report document alone (what `zoomqos report --format json` writes): the same
// script renders the offline HTML file, from the JSON island in it, and whatever fetches such a document.
// Everything is written with textContent, so a participant's name can never inject markup.
function renderReport(doc) {
  "use strict";
  const a = doc.analysis;
  const byId = {};
  a.participant_results.forEach(p => { byId[p.user_id] = p; });
  const colors = { Good: "#2e7d32", Fair: "#f9a825", Poor: "#c62828", InsufficientData: "#9e9e9e" };
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  const el = (tag, attrs, text) => { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (text !== undefined) e.textContent = text; return e; };
  const hhmm = iso => iso ? iso.substring(11, 16) : "";
  const cap = s => s ? s.charAt(0).toUpperCase() + s.slice(1) : s;

  document.getElementById("title").textContent = (doc.meeting ? "Meeting " : "Webinar ") + doc.webinar_id + " (" + doc.type + ")";
  const summary = document.getElementById("summary");
  summary.append(el("span", { className: "verdict " + a.verdict }, a.verdict), " ",
    el("span", {}, a.poor + " of " + (a.participants - a.insufficient) + " participants poor (" + Math.round(a.poor_share * 100) + " %), " + a.fair + " fair, " + a.good + " good, " + a.insufficient + " with too few minutes."));
  document.getElementById("meta").textContent = "Source: " + doc.source + " · " + (a.from || "").substring(0, 16).replace("T", " ") + " to " + hhmm(a.to) + " UTC · thresholds: " + a.thresholds.preset + " · generated " + doc.generated_at.substring(0, 19).replace("T", " ") + " UTC";

  // Causes in the analysis' own order (reconnections last).
  const causes = document.getElementById("causes");
  const ordered = a.top_causes;
  if (ordered.length === 0) causes.append(el("div", { className: "card" }, "No cause found: nothing to fix."));
  ordered.slice(0, 6).forEach((f, i) => {
    const card = el("div", { className: "card cause" });
    card.append(el("h3", {}, (i + 1) + ". " + cap(f.title)));
    card.append(el("div", { className: "muted" }, f.alert + " · " + f.affected_user_ids.length + " participant(s) · " + hhmm(f.from) + "–" + hhmm(f.to) + " UTC"));
    card.append(el("p", {}, f.evidence));
    causes.append(card);
  });
  if (ordered.length > 6) causes.append(el("div", { className: "card muted" }, "… and " + (ordered.length - 6) + " more causes (see the table)."));

  new Chart(document.getElementById("chart-verdict"), {
    type: "doughnut",
    data: { labels: ["Poor", "Fair", "Good", "Insufficient data"], datasets: [{ data: [a.poor, a.fair, a.good, a.insufficient], backgroundColor: [colors.Poor, colors.Fair, colors.Good, colors.InsufficientData] }] },
    options: { plugins: { legend: { position: "right" } } }
  });

  Object.entries(a.breakdowns).forEach(([dimension, rows]) => {
    const canvas = document.getElementById("chart-breakdown-" + dimension);
    if (!canvas) return;
    const top = rows.slice(0, 10);
    new Chart(canvas, {
      type: "bar",
      data: { labels: top.map(r => r.value), datasets: [
        { label: "Poor", data: top.map(r => r.poor), backgroundColor: colors.Poor },
        { label: "Fair", data: top.map(r => r.fair), backgroundColor: colors.Fair },
        { label: "Good", data: top.map(r => r.good), backgroundColor: colors.Good },
        { label: "Too few minutes", data: top.map(r => r.insufficient), backgroundColor: colors.InsufficientData } ] },
      options: { indexAxis: "y", scales: { x: { stacked: true }, y: { stacked: true } }, plugins: { legend: { display: false } } }
    });
  });

  const timeline = a.timeline;
  new Chart(document.getElementById("chart-timeline"), {
    data: { labels: timeline.map(p => hhmm(p.at)), datasets: [
      { type: "bar", label: "Attendees with a degraded downlink", data: timeline.map(p => p.degraded_attendees), backgroundColor: colors.Poor, yAxisID: "y" },
      { type: "line", label: "Attendees receiving audio", data: timeline.map(p => p.active_attendees), borderColor: "#1565c0", pointRadius: 0, yAxisID: "y" },
      { type: "bar", label: "A panelist's uplink degraded", data: timeline.map(p => p.panelist_degraded ? 1 : null), backgroundColor: "rgba(106,27,154,0.35)", yAxisID: "flag", barPercentage: 1, categoryPercentage: 1 } ] },
    options: { interaction: { mode: "index", intersect: false }, scales: { y: { beginAtZero: true, title: { display: true, text: "attendees" } }, flag: { display: false, min: 0, max: 1 } } }
  });

  const episodes = document.getElementById("episodes");
  a.findings.filter(f => f.kind === "PanelistUplink" || f.kind === "SenderUplink").forEach(f => {
    const details = el("details");
    details.append(el("summary", {}, hhmm(f.from) + "–" + hhmm(f.to) + " UTC: " + cap(f.title) + " hit " + f.affected_user_ids.length + (f.kind === "SenderUplink" ? " other participants" : " attendees")));
    const names = f.affected_user_ids.map(id => (byId[id] || {}).name || id);
    details.append(el("p", { className: "muted" }, names.slice(0, 200).join(", ") + (names.length > 200 ? " …" : "")));
    episodes.append(details);
  });

  // Participant series: panelists and the worst participants carry one.
  const select = document.getElementById("participant-select");
  const charted = a.participant_results.filter(p => p.series && p.series.length > 0);
  charted.forEach(p => select.append(el("option", { value: p.user_id }, p.name + (p.is_panelist ? " (panelist)" : "") + " — " + p.verdict)));
  let participantChart = null;
  function drawParticipant(userId) {
    const p = charted.find(x => x.user_id === userId);
    if (!p) return;
    document.getElementById("participant-note").textContent = (p.causes[0] ? cap(p.causes[0].title) + ", " + hhmm(p.causes[0].from) + "–" + hhmm(p.causes[0].to) + " UTC. " : "") + "Poor minutes are marked in red.";
    const s = p.series;
    const poor = s.map(m => m.quality === "Poor");
    const mark = (color) => (ctx) => poor[ctx.dataIndex] ? colors.Poor : color;
    const series = (label, key, color, axis) => ({ type: "line", label: label, data: s.map(m => m[key]), borderColor: color, yAxisID: axis, pointRadius: 2.5, pointBackgroundColor: mark(color), pointBorderColor: mark(color), spanGaps: true });
    const config = {
      data: { labels: s.map(m => hhmm(m.at)), datasets: [
        series("Loss %", "loss_pct", "#ad1457", "pct"),
        series("Jitter ms", "jitter_ms", "#ef6c00", "ms"),
        series("Latency ms", "latency_ms", "#1565c0", "ms"),
        series("Audio kbps", "audio_kbps", "#00897b", "rate"),
        series("Video fps", "video_fps", "#6d4c41", "rate"),
        { type: "bar", label: "Poor minute", data: poor.map(x => x ? 1 : null), backgroundColor: "rgba(198,40,40,0.15)", yAxisID: "flag", barPercentage: 1, categoryPercentage: 1 } ] },
      options: { interaction: { mode: "index", intersect: false }, scales: {
        ms: { position: "left", beginAtZero: true, title: { display: true, text: "ms" } },
        pct: { position: "right", beginAtZero: true, title: { display: true, text: "% loss" }, grid: { drawOnChartArea: false } },
        rate: { position: "right", beginAtZero: true, title: { display: true, text: "kbps / fps" }, grid: { drawOnChartArea: false } },
        flag: { display: false, min: 0, max: 1 } } }
    };
    if (participantChart) participantChart.destroy();
    participantChart = new Chart(document.getElementById("chart-participant"), config);
  }
  select.addEventListener("change", () => drawParticipant(select.value));
  if (charted.length > 0) drawParticipant(charted[0].user_id);

  // The table: every participant, sortable by any column, filterable by text and verdict.
  const rank = { Poor: 3, Fair: 2, Good: 1, InsufficientData: 0 };
  const rows = a.participant_results.map(p => {
    return { p: p, name: p.name, userId: p.user_id, verdict: p.verdict, verdictRank: rank[p.verdict] * 100000 + p.poor_audio_minutes, poor: p.poor_audio_minutes, active: p.active_minutes,
      mos: p.mos_p10 == null ? -1 : p.mos_p10, cause: p.causes[0] ? cap(p.causes[0].title) : "", location: p.dimensions.location, network: p.dimensions.network_type, device: p.dimensions.device };
  });
  const tbody = document.querySelector("#participants tbody");
  let sortKey = "verdictRank", sortDir = -1;
  function render() {
    const text = document.getElementById("filter").value.trim().toLowerCase();
    const verdict = document.getElementById("verdict-filter").value;
    const shown = rows.filter(r => (!verdict || r.verdict === verdict) &&
      (!text || [r.name, r.userId, r.location, r.cause, r.network, r.device].some(v => (v || "").toLowerCase().includes(text))));
    shown.sort((x, y) => { const a1 = x[sortKey], b1 = y[sortKey]; return (a1 < b1 ? -1 : a1 > b1 ? 1 : 0) * sortDir; });
    tbody.replaceChildren(...shown.map(r => {
      const tr = el("tr");
      tr.append(el("td", {}, r.name + (r.p.is_panelist ? " (panelist)" : "")), el("td", {}, r.userId));
      const v = el("td"); v.append(el("span", { className: "pill " + r.verdict }, r.verdict === "InsufficientData" ? "Too few minutes" : r.verdict)); tr.append(v);
      tr.append(el("td", { className: "num" }, String(r.poor)), el("td", { className: "num" }, String(r.active)), el("td", { className: "num" }, r.mos < 0 ? "-" : r.mos.toFixed(2)));
      tr.append(el("td", {}, r.cause), el("td", {}, r.location), el("td", {}, r.network), el("td", {}, r.device));
      return tr;
    }));
    document.getElementById("row-count").textContent = shown.length + " of " + rows.length + " participants";
  }
  document.querySelectorAll("#participants th").forEach(th => th.addEventListener("click", () => {
    const key = th.dataset.key;
    sortDir = sortKey === key ? -sortDir : (th.hasAttribute("data-num") || key === "verdictRank" ? -1 : 1);
    sortKey = key;
    document.querySelectorAll("#participants th").forEach(h => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
    render();
  }));
  document.getElementById("filter").addEventListener("input", render);
  document.getElementById("verdict-filter").addEventListener("change", render);
  render();
}

renderReport(JSON.parse(document.getElementById("report-data").textContent));
window.zoomqosReportReady = true;
