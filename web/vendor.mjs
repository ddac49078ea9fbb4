// Copies the MapLibre GL JS build (js, css, licence) into app/web/static/vendor so the page works offline.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "node_modules", "maplibre-gl", "dist");
const out = join(here, "..", "app", "web", "static", "vendor", "maplibre-gl");
mkdirSync(out, { recursive: true });
for (const name of ["maplibre-gl.js", "maplibre-gl.css", "LICENSE.txt"]) {
  copyFileSync(join(dist, name), join(out, name));
}
const { version } = JSON.parse(readFileSync(join(here, "node_modules", "maplibre-gl", "package.json"), "utf8"));
console.log(`vendored maplibre-gl ${version} into ${out}`);
