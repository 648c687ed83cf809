// parboard: small enhancements for the dashboard pages, which are complete without JavaScript
// (server-rendered SVG charts, GET forms). No framework: see docs/decisions/007-javascript-budget.md.
(function () {
  "use strict";

  // Pickers marked data-autosubmit show the chosen period or indicator at once; their button stays for
  // readers without JavaScript.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLSelectElement) || !target.form) return;
    if (target.form.hasAttribute("data-autosubmit")) target.form.requestSubmit();
  });

  // Chart tooltips for touch and keyboard: a mouse already gets each mark's <title> from the browser,
  // but a tap or a focused mark does not. The numbers are also in each chart's table.
  var tip = document.createElement("div");
  tip.className = "pb-tooltip";
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  document.body.appendChild(tip);

  function markTitle(node) {
    for (var el = node; el && el instanceof SVGElement && el.tagName !== "svg"; el = el.parentNode) {
      for (var i = 0; i < el.children.length; i++) {
        if (el.children[i].tagName === "title") return el.children[i].textContent;
      }
    }
    return null;
  }

  function show(node) {
    var text = markTitle(node);
    if (!text) return hide();
    tip.textContent = text;
    tip.hidden = false;
    var box = node.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 8, left) + "px";
    tip.style.top = window.scrollY + box.top - tip.offsetHeight - 6 + "px";
  }

  function hide() {
    tip.hidden = true;
  }

  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse") return;
    var target = event.target;
    if (target instanceof SVGElement && target.closest(".pb-chart")) show(target);
    else hide();
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof SVGElement && target.closest(".pb-chart")) show(target);
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  // A printout says when it was printed: the page may have been made earlier (the server keeps pages per
  // data version, decision 014), so the time is written in now, as app/i18n/format.ts writes it.
  window.addEventListener("beforeprint", function () {
    var vi = document.documentElement.lang === "vi";
    var locale = vi ? "vi-VN" : "en-GB";
    var zone = "Asia/Ho_Chi_Minh";
    var now = new Date();
    var date = new Intl.DateTimeFormat(
      locale,
      vi ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: zone } : { dateStyle: "medium", timeZone: zone },
    ).format(now);
    var time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(now);
    document.querySelectorAll("[data-print-time]").forEach(function (node) {
      node.textContent = (node.getAttribute("data-print-time") || "").replace("{date}", date).replace("{time}", time);
    });
  });
})();
