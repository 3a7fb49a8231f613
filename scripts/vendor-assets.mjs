// Copies the front-end files the built site serves from node_modules (installed
// pinned from the npm registry by `npm ci`) into the plugin's assets/vendor/ folder,
// with each library's license. Nothing is ever loaded from a CDN. The folder is
// git-ignored (set-up output); the Python build checks it is complete before it builds
// a wheel or sdist (build_backend/glossdeck_build.py), so releases carry these files.
// FILES below is the one list of them: the Python build reads it too.
import { copyFileSync, mkdirSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "plugins", "glossdeck", "assets", "vendor");

// [npm package, file or folder inside node_modules, name served by the site]; build_backend/glossdeck_build.py
// parses these lines, so keep one entry per line in this form. A served name ending in "/" is a
// folder: its .mjs files are copied (source maps left out).
const FILES = [
  // Mermaid's ES-module build: a 31 KB entry that imports only the chunks a page's diagram types
  // need (about 250 KB gzip for a flowchart, against 1.6 MB for the whole mermaid.min.js). The
  // chunks keep their relative place ("./chunks/mermaid.esm.min/...").
  ["mermaid", "mermaid/dist/mermaid.esm.min.mjs", "mermaid/mermaid.esm.min.mjs"],
  ["mermaid", "mermaid/dist/chunks/mermaid.esm.min", "mermaid/chunks/mermaid.esm.min/"],
  // d3-force lays out the glossary graph (learning feature); the other three are its dependencies,
  // loaded before it as classic scripts that extend the global `d3`.
  ["d3-dispatch", "d3-dispatch/dist/d3-dispatch.min.js", "d3-dispatch.min.js"],
  ["d3-quadtree", "d3-quadtree/dist/d3-quadtree.min.js", "d3-quadtree.min.js"],
  ["d3-timer", "d3-timer/dist/d3-timer.min.js", "d3-timer.min.js"],
  ["d3-force", "d3-force/dist/d3-force.min.js", "d3-force.min.js"],
  // the link-preview images are drawn with these faces wherever the build runs (a slim CI image has
  // no fonts at all): the card's width tables are DejaVu's. Used at build time only, never served.
  ["dejavu-fonts-ttf", "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "fonts/DejaVuSans.ttf"],
  ["dejavu-fonts-ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", "fonts/DejaVuSans-Bold.ttf"],
  ["dejavu-fonts-ttf", "dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf", "fonts/DejaVuSansMono-Bold.ttf"],
  // FSRS-6 flashcard scheduling (learning feature): its UMD build, a classic script defining `FSRS`.
  ["ts-fsrs", "ts-fsrs/dist/index.umd.js", "ts-fsrs.js"],
  // Term previews: polyfills loaded by previews/term-previews.js only where the browser lacks the
  // Popover API or interest invokers (both IIFE scripts that do nothing where the API exists).
  ["@oddbird/popover-polyfill", "@oddbird/popover-polyfill/dist/popover.iife.min.js", "popover-polyfill.js"],
  ["interestfor", "interestfor/src/interestfor.min.js", "interestfor.js"],
];
// Each served file's license sits next to it as <file>.LICENSE.txt; NOTICES covers everything bundled.
const NOTICES = "THIRD-PARTY-LICENSES.txt";
const LICENSE_NAME = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

function licenseFiles(packageDir) {
  if (!existsSync(packageDir)) return [];
  return readdirSync(packageDir).filter((name) => LICENSE_NAME.test(name)).sort()
    .map((name) => join(packageDir, name));
}

// the folder is set-up output: emptied first, so files a former version served do not ship
rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
for (const [name, source, target] of FILES) {
  const from = join(root, "node_modules", source);
  if (!existsSync(from)) {
    console.error(`vendor-assets: ${from} is missing; run \`npm ci\` first`);
    process.exit(1);
  }
  if (target.endsWith("/")) {
    // a folder of modules: replaced whole, so no chunk of an older version stays behind
    const to = join(vendor, target);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(from).filter((f) => f.endsWith(".mjs"))) copyFileSync(join(from, file), join(to, file));
    continue; // its package's license ships with the folder's entry module
  }
  mkdirSync(dirname(join(vendor, target)), { recursive: true });
  copyFileSync(from, join(vendor, target));
  const licenses = licenseFiles(join(root, "node_modules", name));
  if (licenses.length === 0) {
    console.error(`vendor-assets: node_modules/${name} has no LICENSE file to ship with ${target}`);
    process.exit(1);
  }
  copyFileSync(licenses[0], join(vendor, `${target}.LICENSE.txt`));
}

// Mermaid's bundle includes its own dependencies, so every non-dev package in the lock file
// (the libraries above and everything they pull in) has its license in one notices file.
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const sections = [];
for (const [path, info] of Object.entries(lock.packages).sort()) {
  if (!path || info.dev) continue;
  const name = path.replace(/^.*node_modules\//, "");
  const texts = licenseFiles(join(root, path)).map((file) => readFileSync(file, "utf8").trim());
  const body = texts.length ? texts.join("\n\n") : `(no license file in the package; declared license: ${info.license ?? "none"})`;
  sections.push(`${"=".repeat(78)}\n${name} ${info.version} (${info.license ?? "license not declared"})\n${"=".repeat(78)}\n\n${body}\n`);
}
writeFileSync(join(vendor, NOTICES),
  "Third-party software shipped in glossdeck's assets/vendor/ (from the npm registry, pinned in package-lock.json).\n\n" +
  sections.join("\n"));
console.log(`vendor-assets: copied ${FILES.length} file(s), their licenses and ${NOTICES} (${sections.length} packages) into ${vendor}`);
