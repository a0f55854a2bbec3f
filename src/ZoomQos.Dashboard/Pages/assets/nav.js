// The offline report has no way back; in the dashboard its header gets one (again after each live redraw).
function zoomqosNav() {
  "use strict";
  const nav = document.createElement("nav");
  const link = document.createElement("a");
  link.href = "/webinars";
  link.textContent = "← All webinars";
  nav.append(link);
  document.querySelector("header").prepend(nav);
}
zoomqosNav();
