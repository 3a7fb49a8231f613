/* glossdeck: Material's search index is downloaded when the reader starts a search, not on every page.
 * Material's bundle requests search/search_index.json (an XMLHttpRequest) as soon as it starts;
 * this script, inlined in <head> before the bundle, holds that one request back until the search
 * field gets focus (a click, a tap on the search icon, or Material's "/" and "s" keys), or at once
 * on a page opened from a search result (its ?h= highlighting needs the index's settings). Every
 * other request goes through untouched. */
(function () {
  "use strict";
  var XHR = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!XHR || XHR.glossdeckDeferred) return;
  XHR.glossdeckDeferred = true;
  var open = XHR.open, send = XHR.send, waiting = [], started = false;
  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (held) { send.apply(held[0], held[1]); });
  }
  XHR.open = function (method, url) {
    this.glossdeckIndex = /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XHR.send = function () {
    if (this.glossdeckIndex && !started) { waiting.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function searching(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, [for='__search']")) start();
  }
  document.addEventListener("focusin", searching, true);
  document.addEventListener("pointerdown", searching, true); // a head start while the finger is down
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  }, true);
  if (/[?&]h=/.test(location.search)) start();
})();
