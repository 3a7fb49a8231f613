/*
 * "Embed this term": copy buttons for the snippets. Event delegation on the document, so it
 * keeps working after Material's instant navigation swaps the page content.
 */
(() => {
  "use strict";
  // buttons stay hidden (CSS) until this runs: no dead buttons without JavaScript
  document.documentElement.classList.add("glossdeck-js");

  function selectAndCopy(node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand("copy");
    } catch (_) {
      return false; // the text stays selected for Ctrl+C
    }
  }

  async function copy(node) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(node.textContent);
        return true;
      } catch (_) {
        /* permission refused: fall back to a selection */
      }
    }
    return selectAndCopy(node);
  }

  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-glossdeck-copy]") : null;
    if (!button) return;
    const source = document.getElementById(button.getAttribute("data-glossdeck-copy"));
    if (!source) return;
    const label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = (await copy(source)) ? "Copied" : "Press Ctrl+C";
    clearTimeout(Number(button.dataset.timer));
    button.dataset.timer = String(setTimeout(() => { button.textContent = label; }, 2000));
  });
})();
