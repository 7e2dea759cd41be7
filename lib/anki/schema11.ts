// Anki's schema-11 collection (the "legacy 2" layout, collection.anki21), as Anki 2.1 writes it and
// every current Anki, AnkiDroid and AnkiMobile still imports. Column lists are Anki's own
// (rslib/src/storage/schema11.sql); tests compare them with a file Anki exported.
export const SCHEMA11_SQL = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
  dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
  data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
  lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

export const BASIC_MODEL_ID = 1_600_000_000_001;
export const CLOZE_MODEL_ID = 1_600_000_000_002;

const FIELD = {
  sticky: false,
  rtl: false,
  font: "Arial",
  size: 20,
  description: "",
  plainText: false,
  collapsed: false,
  excludeFromSearch: false,
};
const CSS =
  ".card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }\n";
const LATEX = {
  latexPre:
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
  latexPost: "\\end{document}",
  latexsvg: false,
};

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 };
}

/** One note type as Anki's `col.models` holds it; the two types differ only in what is passed here. */
function noteModel(id: number, name: string, type: 0 | 1, mod: number, card: ReturnType<typeof template>, fields: [string, string]) {
  return {
    id,
    name,
    type,
    mod,
    usn: -1,
    sortf: 0,
    did: null,
    css: CSS,
    ...LATEX,
    tmpls: [card],
    flds: fields.map((field, ord) => ({ name: field, ord, ...FIELD })),
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

export function models(mod: number) {
  return {
    [BASIC_MODEL_ID]: noteModel(
      BASIC_MODEL_ID,
      "Basic (IAM Recall)",
      0,
      mod,
      template("Card 1", 0, "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"),
      ["Front", "Back"],
    ),
    [CLOZE_MODEL_ID]: noteModel(
      CLOZE_MODEL_ID,
      "Cloze (IAM Recall)",
      1,
      mod,
      template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"),
      ["Text", "Back Extra"],
    ),
  };
}

export function deckJson(id: number, name: string, mod: number) {
  return {
    id,
    name,
    mod,
    usn: -1,
    desc: "",
    dyn: 0,
    conf: 1,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
  };
}

export function deckConfigJson(mod: number) {
  return {
    1: {
      id: 1,
      mod,
      name: "Default",
      usn: -1,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    },
  };
}

export const COLLECTION_CONF = {
  activeDecks: [1],
  curDeck: 1,
  newSpread: 0,
  collapseTime: 1200,
  timeLim: 0,
  estTimes: true,
  dueCounts: true,
  curModel: BASIC_MODEL_ID,
  nextPos: 1,
  sortType: "noteFld",
  sortBackwards: false,
  addToCur: true,
  schedVer: 2,
  sched2021: true,
};
