// Glyphs for the map's labels, drawn in the browser: MapLibre draws text from signed-distance-field glyphs that a
// style fetches as protobuf ranges from a glyph server. This page has none (it works offline), so a "glyphs://"
// protocol renders each range from the browser's own sans-serif font with TinySDF (Mapbox's, vendored) and
// encodes it as the glyph server would, at its size (24 px, 3 px buffer).
import TinySDF from "/static/vendor/tiny-sdf/index.js";

const FONT_SIZE = 24;
const BUFFER = 3;
// Where a glyph's top sits against a 24 px em in MapLibre's layout (as MapLibre places its own local glyphs).
const ASCENT = 27;

function varint(out, value) {
  let n = value >>> 0;
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
}

const key = (out, field, wireType) => varint(out, (field << 3) | wireType);
const uint = (out, field, value) => { key(out, field, 0); varint(out, value); };
const sint = (out, field, value) => { key(out, field, 0); varint(out, (value << 1) ^ (value >> 31)); };

function bytes(out, field, data) {
  key(out, field, 2);
  varint(out, data.length);
  for (let i = 0; i < data.length; i += 1) out.push(data[i]);
}

function glyphMessage(id, glyph) {
  const out = [];
  uint(out, 1, id);
  if (glyph.glyphWidth > 0 && glyph.glyphHeight > 0) bytes(out, 2, glyph.data);
  uint(out, 3, glyph.glyphWidth);
  uint(out, 4, glyph.glyphHeight);
  sint(out, 5, glyph.glyphLeft);
  sint(out, 6, glyph.glyphTop - ASCENT);
  uint(out, 7, Math.round(glyph.glyphAdvance));
  return out;
}

const renderers = new Map();

function renderer(fontstack) {
  if (!renderers.has(fontstack)) {
    const weight = /bold/i.test(fontstack) ? "bold" : "normal";
    const style = /italic/i.test(fontstack) ? "italic" : "normal";
    renderers.set(fontstack, new TinySDF({ fontSize: FONT_SIZE, buffer: BUFFER, radius: 8, cutoff: 0.25,
      fontFamily: "sans-serif", fontWeight: weight, fontStyle: style }));
  }
  return renderers.get(fontstack);
}

/** One glyph range ("0-255") of a font stack as the protobuf a glyph server answers. */
export function glyphRange(fontstack, range) {
  const [first, last] = range.split("-").map(Number);
  const sdf = renderer(fontstack);
  const stack = [];
  bytes(stack, 1, new TextEncoder().encode(fontstack));
  bytes(stack, 2, new TextEncoder().encode(range));
  for (let id = first; id <= last; id += 1) {
    // Control characters and lone surrogates have no glyph.
    if (id < 32 || (id >= 127 && id < 160) || (id >= 0xd800 && id <= 0xdfff)) continue;
    bytes(stack, 3, glyphMessage(id, sdf.draw(String.fromCodePoint(id))));
  }
  const out = [];
  bytes(out, 1, stack);
  return new Uint8Array(out).buffer;
}

/** Registers the "glyphs://{fontstack}/{range}" protocol with MapLibre. */
export function registerGlyphProtocol(maplibregl) {
  maplibregl.addProtocol("glyphs", async (params) => {
    const [, fontstack, range] = /^glyphs:\/\/([^/]+)\/(\d+-\d+)/.exec(params.url) || [];
    if (!range) throw new Error(`not a glyph range: ${params.url}`);
    return { data: glyphRange(decodeURIComponent(fontstack).split(",")[0], range) };
  });
}
