// Countdowns: any element with data-countdown-to="<ISO time>" shows the time left, ticking.
(function () {
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function render(el) {
    var left = Math.max(0, Math.floor((Date.parse(el.dataset.countdownTo) - Date.now()) / 1000));
    var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600);
    var m = Math.floor(left % 3600 / 60), s = left % 60;
    var dayWord = el.dataset.dayWord || "d";
    el.textContent = (d > 0 ? d + dayWord + " " : "") + pad(h) + ":" + pad(m) + ":" + pad(s);
  }
  function tick() { document.querySelectorAll("[data-countdown-to]").forEach(render); }
  document.addEventListener("DOMContentLoaded", function () { tick(); setInterval(tick, 1000); });
  document.addEventListener("htmx:afterSwap", tick);
})();
