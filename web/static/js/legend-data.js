// THE legend of perspectives: one colour, one pattern and one footprint for each side a
// person or a card speaks from, the same on every screen and in every export.
//
// Read by web/static/js/legend.js (as a module) and by server/legend.py (which reads the
// JSON between the two markers below), so keep that part strict JSON: double quotes, no
// comments, no trailing commas. tests/unit/test_legend.py checks both readers agree and
// that every colour pair meets WCAG 2.2 non-text contrast (3:1).
//
// - slots: colours from the Okabe-Ito colour-blind-safe palette (plus a grey), each with
//   its own pattern drawn in `ink` (black or white, whichever contrasts with the colour);
// - home: the slot each well-known perspective id always gets (synonyms share a slot, and
//   so do commissioner and neighbour, never in one deck of ours; if a deck has both, the
//   second takes a free slot); a deck's other perspectives take the free slots in order.
//   Sky blue and blue, and orange and red, are hard to tell apart as small footprints, so
//   the sides our decks use most never get both of a pair (blue and red are left for a
//   deck's own sides);
// - none: the style of a card told from no particular side (`anyone`): no colour;
// - patterns: 8x8 tiles; `paint` says whether the shapes are filled or stroked with ink;
// - footprint: the shoe-print path, in a 32 x 48 box; `outline` is its edge colour.
export default /* legend-json */ {
  "version": 1,
  "outline": "#1c2630",
  "backgrounds": ["#ffffff", "#f7f4ee"],
  "footprint": {
    "width": 32,
    "height": 48,
    "path": "M15 1.5C22.5 1 28 7 27.5 16C27 23 24.5 27 23.5 30C22.5 32 19 33 15.5 32.5C12 32 10 30.5 9.5 28C9 25 5 22 4.5 15C4 7 8.5 2 15 1.5ZM17 35C21.5 35 23.5 37.5 23 41.5C22.5 45 20 46.8 16 46.5C12 46.2 9.5 44 10 40.5C10.5 37 13 35 17 35Z"
  },
  "slots": [
    {"colour": "#E69F00", "ink": "#000000", "pattern": "dots", "colour_name": "orange"},
    {"colour": "#56B4E9", "ink": "#000000", "pattern": "stripes", "colour_name": "sky blue"},
    {"colour": "#009E73", "ink": "#000000", "pattern": "zigzag", "colour_name": "green"},
    {"colour": "#0072B2", "ink": "#ffffff", "pattern": "grid", "colour_name": "blue"},
    {"colour": "#CC79A7", "ink": "#000000", "pattern": "rings", "colour_name": "pink"},
    {"colour": "#D55E00", "ink": "#000000", "pattern": "crosses", "colour_name": "red"},
    {"colour": "#F0E442", "ink": "#000000", "pattern": "waves", "colour_name": "yellow"},
    {"colour": "#000000", "ink": "#ffffff", "pattern": "triangles", "colour_name": "black"},
    {"colour": "#999999", "ink": "#000000", "pattern": "bars", "colour_name": "grey"}
  ],
  "home": {
    "person": 0,
    "carer": 1,
    "family": 1,
    "support_worker": 2,
    "care_worker": 2,
    "manager": 7,
    "commissioner": 4,
    "health": 6,
    "neighbour": 4,
    "other": 8
  },
  "none": {"id": "anyone", "colour": "#ffffff", "ink": "#1c2630", "pattern": "none", "colour_name": "no colour"},
  "patterns": {
    "dots": {"name": "dots", "paint": "fill", "shapes": [["circle", {"cx": 4, "cy": 4, "r": 1.7}]]},
    "stripes": {"name": "stripes", "paint": "stroke", "width": 1.8, "shapes": [["path", {"d": "M-2 2L2 -2M0 8L8 0M6 10L10 6"}]]},
    "zigzag": {"name": "zigzags", "paint": "stroke", "width": 1.4, "shapes": [["path", {"d": "M0 5.5L2 2.5L4 5.5L6 2.5L8 5.5"}]]},
    "grid": {"name": "criss-cross lines", "paint": "stroke", "width": 1.1, "shapes": [["path", {"d": "M0 0L8 8M8 0L0 8"}]]},
    "rings": {"name": "rings", "paint": "stroke", "width": 1.2, "shapes": [["circle", {"cx": 4, "cy": 4, "r": 2.3}]]},
    "crosses": {"name": "crosses", "paint": "stroke", "width": 1.5, "shapes": [["path", {"d": "M4 1.5V6.5M1.5 4H6.5"}]]},
    "waves": {"name": "waves", "paint": "stroke", "width": 1.3, "shapes": [["path", {"d": "M0 4Q2 1 4 4T8 4"}]]},
    "triangles": {"name": "triangles", "paint": "fill", "shapes": [["path", {"d": "M4 1.5L7 6.5H1Z"}]]},
    "bars": {"name": "bars", "paint": "stroke", "width": 1.6, "shapes": [["path", {"d": "M0 2H8M0 6H8"}]]},
    "none": {"name": "no pattern", "paint": "fill", "shapes": []}
  }
} /* end-legend-json */;
