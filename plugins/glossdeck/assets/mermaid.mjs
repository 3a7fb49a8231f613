// glossdeck: the module mermaid2's `javascript:` option points at (assets/glossdeck/mermaid.mjs).
// mermaid2 writes `import mermaid from ".../mermaid.mjs"` into pages with hand-written diagrams;
// this hands it glossdeck's `window.mermaid` (set by glossdeck.js, which runs first), a stand-in
// that imports Mermaid's ES-module build, and only the chunks of the diagram types a page uses,
// when the first diagram is drawn. Importing this module downloads nothing else.
export default window.mermaid;
