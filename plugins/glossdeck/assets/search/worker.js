/* glossdeck: the search worker Material starts, in front of Material's own (named in this URL's
 * #fragment, from the same folder). It loads Material's worker (Lunr and its index code) only when
 * the first message comes, which is after the reader started a search (assets/search/defer-index.js
 * holds the index back until then), and it tolerates a typo: a query that finds nothing is asked
 * again with each plain word fuzzy (Lunr's `word~1`, `~2` from eight letters), so "injektion" finds
 * SQL Injection and "immutible" Immutable Infrastructure. Messages are Material's
 * (SETUP 0, READY 1, QUERY 2, RESULT 3), answered one at a time, in order. */
"use strict";
(function () {
  var QUERY = 2;
  var name = decodeURIComponent(self.location.hash.slice(1));
  var materialWorker = /^search\.[0-9a-z]+\.min\.js$/.test(name) ? name : null;
  var listener = null;
  var post = self.postMessage.bind(self);
  var capture = null;

  function loadMaterial() {
    if (listener) return;
    if (!materialWorker) throw new Error("glossdeck search: no Material worker named in " + self.location.href);
    var add = self.addEventListener;
    // Material's worker answers from a "message" listener: keep it to call it ourselves
    self.addEventListener = function (type, fn) {
      if (type === "message" && !listener) listener = fn;
      else add.apply(self, arguments);
    };
    try { importScripts(materialWorker); } finally { self.addEventListener = add; }
  }

  // Material's answers come through postMessage: the one awaited is taken, any other goes out
  self.postMessage = function (message) {
    if (capture) { var resolve = capture; capture = null; resolve(message); } else post(message);
  };

  function ask(message) {
    return new Promise(function (resolve) {
      capture = resolve;
      listener({ data: message });
    });
  }

  /** The query with each plain word fuzzy; words with Lunr syntax (+ - ~ ^ * :) stay as typed. */
  function fuzzy(query) {
    return query.split(/\s+/).filter(Boolean).map(function (word) {
      if (!/^[\p{L}\p{N}]{4,}$/u.test(word)) return word;
      return word + (word.length >= 8 ? "~2" : "~1");
    }).join(" ");
  }

  /** Fuzzy results: every word matched, if not as typed, so Material lists none as "Missing". */
  function matched(answer) {
    answer.data.items.forEach(function (group) {
      (Array.isArray(group) ? group : [group]).forEach(function (doc) {
        if (doc && doc.terms) Object.keys(doc.terms).forEach(function (term) { doc.terms[term] = true; });
      });
    });
    return answer;
  }

  async function handle(message) {
    loadMaterial();
    if (!message || message.type !== QUERY) return ask(message);
    var answer = await ask(message);
    var items = answer && answer.data && answer.data.items;
    if (items && items.length === 0) {
      var typo = fuzzy(String(message.data));
      if (typo !== String(message.data)) {
        var second = await ask({ type: QUERY, data: typo });
        if (second && second.data && second.data.items && second.data.items.length) return matched(second);
      }
    }
    return answer;
  }

  var queue = Promise.resolve();
  self.addEventListener("message", function (event) {
    queue = queue.then(function () { return handle(event.data); }).then(post, function (error) {
      console.error("glossdeck search:", error);
      if (event.data && event.data.type === QUERY) post({ type: 3, data: { items: [] } });
    });
  });
})();
