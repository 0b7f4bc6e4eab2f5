// The legend of perspectives in the browser: each side's footprint, in its colour AND its
// pattern, next to its name, so colour is never the only signal. Same data as the server
// (./legend-data.js, read by server/legend.py too).
//
// API (all that other modules need):
//   useLegend(view.room.legend)
//       Tell the legend about the room's perspectives. Call it with every view (cheap, and
//       safe to repeat). Each entry: {id, name, easy, icon, colour, ink, pattern,
//       colour_name, pattern_name, choice}. Before it is called, well-known ids
//       (person, carer, ...) still draw in their usual colours; unknown ids have no colour.
//   footprint(perspectiveId, {size = 32, label} = {})  -> <svg class="footprint">
//       A footprint (shoe print) filled with the perspective's colour and pattern, with a
//       dark outline (3:1 or better on our backgrounds). `size` is its height in px (width
//       is 2/3 of it). Decorative (aria-hidden) unless you give `label` (then role="img").
//       `anyone` (a card told from no particular side) is an outline with no colour.
//   legendOf(perspectiveId) -> {id, name, colour, ink, pattern, words, ...}
//       The entry, with `words` such as "sky blue with stripes" for text alternatives.
//       `ink` is black or white, whichever reads on `colour` (text on a colour chip).
//   legendKey({ids, easy} = {}) -> <ul class="legend">
//       A key: footprint + name for each perspective (all the room's, or just `ids`);
//       `easy: true` shows the Easy Read names.
// Styles: web/static/css/legend.css (.footprint, .legend, .perspective-chip).

import DATA from "./legend-data.js";

const SVG = "http://www.w3.org/2000/svg";
let room = new Map();
let serial = 0;

function styleOf(slot) {
  return {
    colour: slot.colour,
    ink: slot.ink,
    pattern: slot.pattern,
    colour_name: slot.colour_name,
    pattern_name: DATA.patterns[slot.pattern].name,
  };
}

export function useLegend(entries) {
  if (!Array.isArray(entries)) return;
  room = new Map(entries.filter((e) => e && e.id).map((e) => [e.id, e]));
}

export function legendOf(id) {
  let entry = room.get(id);
  if (!entry || !entry.colour || !DATA.patterns[entry.pattern]) {
    const home = DATA.home[id];
    const base = home === undefined ? DATA.none : DATA.slots[home];
    entry = { id, name: entry ? entry.name : id, ...(entry || {}), ...styleOf(base) };
  }
  const words = entry.pattern === "none" ? "no colour" : `${entry.colour_name} with ${entry.pattern_name}`;
  return { ...entry, words };
}

function node(tag, attrs) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

export function footprint(id, { size = 32, label } = {}) {
  const entry = legendOf(id);
  const shape = DATA.footprint;
  const spec = DATA.patterns[entry.pattern];
  const patternId = `fp-${++serial}`;
  const svg = node("svg", {
    class: "footprint",
    width: Math.round((size * shape.width) / shape.height),
    height: size,
    viewBox: `0 0 ${shape.width} ${shape.height}`,
    "data-perspective": id,
  });
  if (label) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.append(node("title", {}));
    svg.lastChild.textContent = label;
  } else {
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
  }
  const pattern = node("pattern", { id: patternId, width: 8, height: 8, patternUnits: "userSpaceOnUse" });
  pattern.append(node("rect", { width: 8, height: 8, fill: entry.colour }));
  const paint = spec.paint === "fill"
    ? { fill: entry.ink, stroke: "none" }
    : { fill: "none", stroke: entry.ink, "stroke-width": spec.width, "stroke-linecap": "square" };
  for (const [tag, attrs] of spec.shapes) pattern.append(node(tag, { ...attrs, ...paint }));
  const defs = node("defs", {});
  defs.append(pattern);
  const sole = node("path", { d: shape.path, fill: `url(#${patternId})`, stroke: DATA.outline, "stroke-width": 1.5 });
  if (entry.pattern === "none") sole.setAttribute("stroke-dasharray", "3 2");
  svg.append(defs, sole);
  return svg;
}

export function legendKey({ ids, easy = false } = {}) {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const id of ids || [...room.keys()]) {
    const entry = legendOf(id);
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "legend-name";
    name.textContent = (easy && entry.easy) || entry.name || id;
    const words = document.createElement("span");
    words.className = "legend-words";
    words.textContent = entry.words;
    item.append(footprint(id, { size: 28 }), name, words);
    list.append(item);
  }
  return list;
}
