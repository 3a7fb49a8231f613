/*
 * "Rate this term": shows the form (hidden without JavaScript, where the page shows the build's
 * average), fetches the live average, and posts the reader's rating to the ratings service.
 * The reader is an anonymous random id kept in this browser (localStorage), so changing a rating
 * replaces it. Works again after Material's instant navigation swaps the page.
 */
(() => {
  "use strict";
  const VISITOR_KEY = "glossdeck-visitor";
  const RATED_KEY = "glossdeck-rated:";
  // the site's words (strings.js, loaded on every page before this script)
  const strings = () => window.glossdeckStrings;
  const say = (key, values) => (strings() ? strings().t(key, values) : key);
  const language = () => (strings() && strings().language) || "en";

  function storage() {
    try {
      return window.localStorage;
    } catch (_) {
      return null; // storage refused: an id for this page view only
    }
  }

  function visitorId() {
    const store = storage();
    let id = store && store.getItem(VISITOR_KEY);
    if (!id || !/^[A-Za-z0-9_-]{8,128}$/.test(id)) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      if (store) store.setItem(VISITOR_KEY, id);
    }
    return id;
  }

  function summary(count, average) {
    if (!count) return say("rating_none");
    const lang = language();
    const values = { count: count.toLocaleString(lang),
                     average: Number(average).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
    return strings() ? strings().count("rating_summary", count, values) : "rating_summary";
  }

  function show(widget, data) {
    const line = widget.querySelector(".gd-rating-summary");
    line.textContent = summary(data.count, data.average);
    line.dataset.gdCount = String(data.count);
    line.dataset.gdAverage = data.average === null ? "" : String(data.average);
  }

  async function call(url, init) {
    const response = await fetch(url, { ...init, mode: "cors", credentials: "omit", cache: "no-store" });
    let data = null;
    try {
      data = await response.json();
    } catch (_) {
      /* not JSON: a proxy's error page */
    }
    if (!response.ok) throw new Error((data && data.error) || say("rating_service", { status: response.status }));
    return data;
  }

  function setUp(widget) {
    if (widget.dataset.gdReady) return;
    widget.dataset.gdReady = "1";
    const url = widget.dataset.gdRatingEndpoint;
    const form = widget.querySelector(".gd-rating-form");
    const store = storage();
    const mine = store && store.getItem(RATED_KEY + url);
    if (mine) {
      const input = form.querySelector(`input[value="${Number(mine)}"]`);
      if (input) input.checked = true;
    }
    form.hidden = false;
    call(url, { method: "GET" })
      .then((data) => show(widget, data))
      .catch(() => { /* the build's average stays */ });
  }

  function setUpAll() {
    document.querySelectorAll("section.gd-rating[data-gd-rating-endpoint]").forEach(setUp);
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target instanceof Element ? event.target.closest(".gd-rating-form") : null;
    if (!form) return;
    event.preventDefault();
    const widget = form.closest("section.gd-rating");
    const status = form.querySelector(".gd-rating-status");
    const chosen = form.querySelector("input[type=radio]:checked");
    if (!chosen) {
      status.textContent = say("rating_choose");
      return;
    }
    const rating = Number(chosen.value);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.textContent = say("rating_saving");
    try {
      const data = await call(widget.dataset.gdRatingEndpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ rating, visitor: visitorId() }),
      });
      show(widget, data);
      const store = storage();
      if (store) store.setItem(RATED_KEY + widget.dataset.gdRatingEndpoint, String(rating));
      status.textContent = say("rating_thanks", { rating: rating.toLocaleString(language()) });
    } catch (error) {
      status.textContent = say("rating_not_saved", { reason: error.message });
    } finally {
      button.disabled = false;
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUpAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
