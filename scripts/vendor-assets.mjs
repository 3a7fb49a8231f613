// Copies the front-end files the built site serves from node_modules (installed
// pinned from the npm registry by `npm ci`) into the plugin's assets/vendor/ folder.
// Nothing is ever loaded from a CDN. The folder is git-ignored: it is set-up output.
import { copyFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "plugins", "glossdeck", "assets", "vendor");

// [file inside node_modules, name served by the site]
const FILES = [
  ["mermaid/dist/mermaid.min.js", "mermaid.min.js"],
  // d3-force lays out the glossary graph (learning feature); the other three are its dependencies,
  // loaded before it as classic scripts that extend the global `d3`.
  ["d3-dispatch/dist/d3-dispatch.min.js", "d3-dispatch.min.js"],
  ["d3-quadtree/dist/d3-quadtree.min.js", "d3-quadtree.min.js"],
  ["d3-timer/dist/d3-timer.min.js", "d3-timer.min.js"],
  ["d3-force/dist/d3-force.min.js", "d3-force.min.js"],
];

mkdirSync(vendor, { recursive: true });
for (const [source, target] of FILES) {
  const from = join(root, "node_modules", source);
  if (!existsSync(from)) {
    console.error(`vendor-assets: ${from} is missing; run \`npm ci\` first`);
    process.exit(1);
  }
  copyFileSync(from, join(vendor, target));
}
console.log(`vendor-assets: copied ${FILES.length} file(s) into ${vendor}`);
