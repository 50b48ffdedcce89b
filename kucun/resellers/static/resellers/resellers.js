// Share page helpers: copy the text (Clipboard API, or the old select + execCommand way),
// and the phone's share sheet (Web Share API) where it exists. No dependencies.
(function () {
  function toast(text) {
    var el = document.createElement("div");
    el.className = "r-toast";
    el.setAttribute("role", "status");
    el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 1800);
  }
  function fallbackCopy(textarea) {
    textarea.focus();
    textarea.select();
    textarea.setSelectionRange(0, textarea.value.length);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    return ok;
  }
  function copyFrom(button) {
    var target = document.querySelector(button.dataset.copyTarget);
    if (!target) return;
    var text = target.value !== undefined ? target.value : target.textContent;
    var done = button.dataset.copied || "OK";
    var failed = button.dataset.copyFailed || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { toast(done); }, function () {
        toast(fallbackCopy(target) ? done : failed);
      });
    } else {
      toast(fallbackCopy(target) ? done : failed);
    }
  }
  function shareFrom(button) {
    var target = document.querySelector(button.dataset.shareText);
    var data = { title: button.dataset.shareTitle || document.title, url: button.dataset.shareUrl };
    if (target) data.text = target.value;
    navigator.share(data).catch(function () { /* the person closed the sheet */ });
  }
  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy-target]");
    if (copy) { event.preventDefault(); copyFrom(copy); return; }
    var share = event.target.closest("[data-web-share]");
    if (share) { event.preventDefault(); shareFrom(share); }
  });
  function reveal() {
    if (navigator.share) {
      document.querySelectorAll("[data-web-share]").forEach(function (el) { el.hidden = false; });
    }
  }
  document.addEventListener("DOMContentLoaded", reveal);
  document.addEventListener("htmx:afterSwap", reveal);
})();
