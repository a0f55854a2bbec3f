// The offline report has no way back; in the dashboard its header gets the dashboard's links (again after each live redraw).
function zoomqosNav() {
  "use strict";
  const nav = document.createElement("nav");
  nav.setAttribute("aria-label", "Dashboard");
  nav.style.cssText = "display:flex;gap:14px;flex-wrap:wrap;margin-bottom:6px";
  const webinarId = location.pathname.split("/").filter(Boolean)[1];
  [["/webinars", "← All webinars"], ["/trends/" + webinarId, "This webinar's trend"], ["/trends", "Trends"], ["/participants", "Participants"]].forEach(([href, text]) => {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    nav.append(link);
  });
  document.querySelector("header").prepend(nav);
}
zoomqosNav();
