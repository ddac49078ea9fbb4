// Copies the MapLibre GL JS build (js, css, licence) and TinySDF (the labels' glyphs, drawn in the browser) into
// app/web/static/vendor so the page works offline.
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
const tinySdf = join(here, "node_modules", "@mapbox", "tiny-sdf");
const tinySdfOut = join(here, "..", "app", "web", "static", "vendor", "tiny-sdf");
mkdirSync(tinySdfOut, { recursive: true });
for (const name of ["index.js", "LICENSE.txt"]) {
  copyFileSync(join(tinySdf, name), join(tinySdfOut, name));
}
for (const pkg of ["maplibre-gl", "@mapbox/tiny-sdf"]) {
  const { version } = JSON.parse(readFileSync(join(here, "node_modules", pkg, "package.json"), "utf8"));
  console.log(`vendored ${pkg} ${version}`);
}
