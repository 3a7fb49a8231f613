// glossdeck: make Mermaid available on every page without loading it on every page.
//
// Material renders `pre.mermaid` blocks itself, on first load and after each instant navigation,
// using the global `mermaid` when there is one, and otherwise fetching it from a CDN. mermaid2 adds
// the locally served library only to pages that have a diagram, so a visit that starts on a page
// without one would make Material reach for the CDN on the next diagram page. This small stand-in
// is defined on every page; the first time Material asks it to render, it loads the library this
// site serves, and hands over to it. securityLevel stays 'strict' whatever config arrives.
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;
  var script = document.currentScript;
  // this file is assets/glossdeck/glossdeck.js; the library is assets/glossdeck/vendor/mermaid.min.js
  var libraryUrl = new URL("vendor/mermaid.min.js", script ? script.src : document.baseURI).href;
  var config = {};
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = libraryUrl;
        tag.onload = function () { resolve(window.mermaid); };
        tag.onerror = function () { reject(new Error("glossdeck: cannot load " + libraryUrl)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  window.mermaid = {
    glossdeckStandIn: true,
    initialize: function (options) {
      config = Object.assign({}, options || {}, { securityLevel: "strict" });
    },
    render: function (id, text) {
      return load().then(function (real) {
        real.initialize(config);
        return real.render(id, text);
      });
    },
  };
})();
