// A live instance's page: every REFRESH_MS it fetches the page again, and draws the new document in place with the
// report's own script (no reload): the fresh, undrawn header and main replace the drawn ones, the old charts go.
(function () {
  "use strict";
  const every = window.zoomqosRefreshMs || 60000;
  setInterval(async () => {
    const response = await fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const data = next.getElementById("report-data");
    if (!data) return;
    Object.values(Chart.instances).forEach(chart => chart.destroy());
    ["header", "main"].forEach(tag => { const fresh = next.querySelector(tag); if (fresh) document.querySelector(tag).replaceWith(document.importNode(fresh, true)); });
    document.getElementById("report-data").textContent = data.textContent;
    renderReport(JSON.parse(data.textContent));
    zoomqosNav();
    window.zoomqosRefreshes = (window.zoomqosRefreshes || 0) + 1;
  }, every);
})();
