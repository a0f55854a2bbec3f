using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ZoomQos.Cli.Report;

/// <summary>
/// The HTML report: one self-contained file that works offline. The verdict and top causes come first, then
/// breakdown charts, the webinar's timeline with the panelist episodes and the attendees they hit, each charted
/// participant's loss, jitter, latency, bitrate and frame rate with poor minutes marked, and a sortable, filterable
/// table of every participant. Charts are drawn by Chart.js (from npm, inlined); the data is embedded as JSON and
/// rendered with textContent, so a participant's name can never inject markup.
/// </summary>
internal static class HtmlReport
{
    private static readonly Lazy<string> ChartJs = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("chart.umd.min.js")
            ?? throw new InvalidOperationException("The report's chart library is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // JSON in a script element: only "</" could end it early, so it is escaped.
        var data = JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument).Replace("</", "<\\/", StringComparison.Ordinal);
        var title = WebUtility.HtmlEncode($"ZoomQos report — webinar {report.WebinarId}");
        return Template
            .Replace("{{TITLE}}", title, StringComparison.Ordinal)
            .Replace("{{CHARTJS}}", ChartJs.Value.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal)
            .Replace("{{DATA}}", data, StringComparison.Ordinal);
    }

    private const string Template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{TITLE}}</title>
        <style>
          :root { --good:#2e7d32; --fair:#f9a825; --poor:#c62828; --none:#9e9e9e; --ink:#1c2430; --muted:#5f6b7a; --line:#e3e7ed; }
          * { box-sizing: border-box; }
          body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:#f6f8fa; }
          header { background:#fff; border-bottom:1px solid var(--line); padding:20px 32px; }
          main { padding:20px 32px 60px; max-width:1400px; margin:0 auto; }
          h1 { font-size:22px; margin:0 0 6px; } h2 { font-size:17px; margin:28px 0 10px; }
          .verdict { display:inline-block; padding:3px 12px; border-radius:14px; color:#fff; font-weight:600; }
          .Healthy,.Good { background:var(--good); } .Degraded,.Fair { background:var(--fair); color:#222; } .Critical,.Poor { background:var(--poor); } .InsufficientData { background:var(--none); }
          .muted { color:var(--muted); }
          .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(330px,1fr)); gap:16px; }
          .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px 16px; }
          .cause { border-left:4px solid var(--poor); }
          .cause h3 { margin:0 0 4px; font-size:15px; }
          .chart { position:relative; height:260px; }
          .chart.tall { height:320px; }
          table { width:100%; border-collapse:collapse; background:#fff; }
          th,td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); white-space:nowrap; }
          th { cursor:pointer; user-select:none; background:#eef1f5; position:sticky; top:0; }
          th[aria-sort="ascending"]::after { content:" ▲"; } th[aria-sort="descending"]::after { content:" ▼"; }
          td.num { text-align:right; font-variant-numeric:tabular-nums; }
          .pill { padding:1px 8px; border-radius:10px; color:#fff; font-size:12px; }
          .controls { display:flex; gap:10px; margin:8px 0; align-items:center; flex-wrap:wrap; }
          input,select { font:inherit; padding:4px 8px; border:1px solid #c7ced8; border-radius:6px; }
          details { margin:4px 0; } summary { cursor:pointer; }
          .tablewrap { max-height:640px; overflow:auto; border:1px solid var(--line); border-radius:8px; }
        </style>
        </head>
        <body>
        <header>
          <h1 id="title"></h1>
          <div id="summary"></div>
          <div class="muted" id="meta"></div>
        </header>
        <main>
          <h2>Top causes</h2>
          <div class="cards" id="causes"></div>

          <h2>Breakdowns</h2>
          <div class="cards">
            <div class="card"><strong>Participants by verdict</strong><div class="chart"><canvas id="chart-verdict"></canvas></div></div>
            <div class="card"><strong>By location</strong><div class="chart"><canvas id="chart-breakdown-location"></canvas></div></div>
            <div class="card"><strong>By network type</strong><div class="chart"><canvas id="chart-breakdown-network_type"></canvas></div></div>
            <div class="card"><strong>By device</strong><div class="chart"><canvas id="chart-breakdown-device"></canvas></div></div>
            <div class="card"><strong>By OS</strong><div class="chart"><canvas id="chart-breakdown-os"></canvas></div></div>
            <div class="card"><strong>By client version</strong><div class="chart"><canvas id="chart-breakdown-client_version"></canvas></div></div>
            <div class="card"><strong>By data centre</strong><div class="chart"><canvas id="chart-breakdown-data_center"></canvas></div></div>
          </div>

          <h2>Timeline: attendees with a degraded downlink, and panelist episodes</h2>
          <div class="card"><div class="chart tall"><canvas id="chart-timeline"></canvas></div><div id="episodes"></div></div>

          <h2>Participant time series</h2>
          <div class="card">
            <div class="controls"><label for="participant-select">Participant</label><select id="participant-select"></select><span class="muted" id="participant-note"></span></div>
            <div class="chart tall"><canvas id="chart-participant"></canvas></div>
          </div>

          <h2>Participants</h2>
          <div class="controls">
            <input id="filter" type="search" placeholder="Filter by name, user id, location, cause…" size="40">
            <select id="verdict-filter"><option value="">All verdicts</option><option>Poor</option><option>Fair</option><option>Good</option><option value="InsufficientData">Insufficient data</option></select>
            <span class="muted" id="row-count"></span>
          </div>
          <div class="tablewrap">
          <table id="participants">
            <thead><tr>
              <th data-key="name">Participant</th><th data-key="userId">User ID</th><th data-key="verdictRank" aria-sort="descending">Verdict</th>
              <th data-key="poor" data-num>Poor min</th><th data-key="active" data-num>Active min</th><th data-key="mos" data-num>MOS p10</th>
              <th data-key="cause">Cause</th><th data-key="location">Location</th><th data-key="network">Network</th><th data-key="device">Device</th>
            </tr></thead>
            <tbody></tbody>
          </table>
          </div>
          <p class="muted">MOS is estimated with the E-model (ITU-T G.107): end to end for attendees (the panelist's input leg added), per leg otherwise. Generated by ZoomQos.</p>
        </main>
        <script>{{CHARTJS}}</script>
        <script type="application/json" id="report-data">{{DATA}}</script>
        <script>
        (function () {
          "use strict";
          const doc = JSON.parse(document.getElementById("report-data").textContent);
          const a = doc.analysis;
          const byId = {};
          a.participant_results.forEach(p => { byId[p.user_id] = p; });
          const colors = { Good: "#2e7d32", Fair: "#f9a825", Poor: "#c62828", InsufficientData: "#9e9e9e" };
          Chart.defaults.animation = false;
          Chart.defaults.maintainAspectRatio = false;
          const el = (tag, attrs, text) => { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (text !== undefined) e.textContent = text; return e; };
          const hhmm = iso => iso ? iso.substring(11, 16) : "";
          const cap = s => s ? s.charAt(0).toUpperCase() + s.slice(1) : s;

          document.getElementById("title").textContent = "Webinar " + doc.webinar_id + " (" + doc.type + ")";
          const summary = document.getElementById("summary");
          summary.append(el("span", { className: "verdict " + a.verdict }, a.verdict), " ",
            el("span", {}, a.poor + " of " + (a.participants - a.insufficient) + " participants poor (" + Math.round(a.poor * 100 / Math.max(1, a.participants - a.insufficient)) + " %), " + a.fair + " fair, " + a.good + " good, " + a.insufficient + " with too few minutes."));
          document.getElementById("meta").textContent = "Source: " + doc.source + " · " + (a.from || "").substring(0, 16).replace("T", " ") + " to " + hhmm(a.to) + " UTC · thresholds: " + a.thresholds.preset + " · generated " + doc.generated_at.substring(0, 19).replace("T", " ") + " UTC";

          // Causes: the correlated ones first; reconnections are listed after.
          const causes = document.getElementById("causes");
          const ordered = a.findings.filter(f => f.kind !== "Reconnection").concat(a.findings.filter(f => f.kind === "Reconnection"));
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
          a.findings.filter(f => f.kind === "PanelistUplink").forEach(f => {
            const details = el("details");
            details.append(el("summary", {}, hhmm(f.from) + "–" + hhmm(f.to) + " UTC: " + cap(f.title) + " hit " + f.affected_user_ids.length + " attendees"));
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
            document.getElementById("participant-note").textContent = (p.causes[0] ? p.causes[0].replace(/^[A-Za-z]+: /, "") + ". " : "") + "Poor minutes are marked in red.";
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
              mos: p.mos_p10 == null ? -1 : p.mos_p10, cause: p.causes[0] ? cap(p.causes[0].replace(/^[A-Za-z]+: /, "").replace(/, \d\d:\d\d-\d\d:\d\d UTC$/, "")) : "", location: p.dimensions.location, network: p.dimensions.network_type, device: p.dimensions.device };
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
          window.zoomqosReportReady = true;
        })();
        </script>
        </body>
        </html>
        """;
}
