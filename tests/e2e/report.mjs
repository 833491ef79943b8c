// Checks a report against the v1 contract (shared/spec/report-v1.md) and puts it in a form where
// two reports of the same files compare equal whatever their ids.
import assert from "node:assert/strict";

const KINDS = ["person", "organization", "place", "date", "quantity", "group", "other"];
const QUOTE_KINDS = ["direct", "partial", "scare"];
const isOffset = (n) => Number.isInteger(n) && n >= 0;
const nullOr = (v, type) => v === null || typeof v === type;

export function validateReport(r) {
  assert.equal(r.version, 1);
  for (const key of ["documents", "errors", "entities", "quotes", "overlaps"]) assert.ok(Array.isArray(r[key]), key);
  const docs = new Map();
  for (const d of r.documents) {
    assert.equal(typeof d.id, "string");
    assert.equal(typeof d.name, "string");
    assert.equal(typeof d.text, "string");
    for (const k of ["title", "source", "published"]) assert.ok(nullOr(d[k], "string"), `documents[].${k}`);
    if (d.published !== null) assert.match(d.published, /^\d{4}-\d{2}-\d{2}/);
    assert.ok(Array.isArray(d.warnings));
    docs.set(d.id, [...d.text].length);
  }
  for (const e of r.errors) assert.ok(typeof e.name === "string" && typeof e.error === "string" && e.error.length > 0);
  const span = (doc, start, end, what) => {
    assert.ok(docs.has(doc), `${what}: unknown document ${doc}`);
    assert.ok(isOffset(start) && isOffset(end) && start <= end && end <= docs.get(doc), `${what}: bad span ${start}..${end}`);
  };
  const entityIds = new Set();
  for (const e of r.entities) {
    assert.ok(KINDS.includes(e.kind), `entity kind ${e.kind}`);
    assert.ok(e.name.length > 0 && Array.isArray(e.aliases) && e.mentions.length > 0);
    for (const m of e.mentions) span(m.doc, m.start, m.end, `entity ${e.id}`);
    entityIds.add(e.id);
  }
  for (const q of r.quotes) {
    span(q.doc, q.start, q.end, `quote ${q.id}`);
    assert.ok(QUOTE_KINDS.includes(q.kind), `quote kind ${q.kind}`);
    const chars = [...r.documents.find((d) => d.id === q.doc).text];
    if (q.parts && q.parts.length) {
      // A quote split by its attribution: its pieces, in order, inside its span; text joins them.
      assert.ok(q.parts.length >= 2, `quote ${q.id} parts`);
      assert.equal(q.parts[0].start, q.start);
      assert.equal(q.parts[q.parts.length - 1].end, q.end);
      const pieces = q.parts.map((p) => chars.slice(p.start, p.end).join("").trim());
      assert.equal(q.text, pieces.join(" "), `quote ${q.id} text joins its parts`);
    } else {
      assert.equal(q.text, chars.slice(q.start, q.end).join(""), `quote ${q.id} text is its span`);
    }
    assert.ok(q.speaker === null || entityIds.has(q.speaker), `quote ${q.id} speaker`);
    if (q.speaker_mention) span(q.doc, q.speaker_mention.start, q.speaker_mention.end, `quote ${q.id} speaker_mention`);
    assert.ok(nullOr(q.cue, "string") && nullOr(q.group, "string"));
  }
  const n = r.documents.length;
  assert.equal(r.overlaps.length, (n * (n - 1)) / 2, "one overlap entry per pair");
  for (const o of r.overlaps) {
    assert.ok(o.score >= 0 && o.score <= 1 && o.similarity >= 0 && o.similarity <= 1);
    for (const p of o.passages) {
      span(o.a, p.a_start, p.a_end, "passage a");
      span(o.b, p.b_start, p.b_end, "passage b");
    }
  }
}

/** Replaces ids by what they stand for (document names, entity names) and sorts every list. */
export function normaliseReport(r) {
  const doc = new Map(r.documents.map((d) => [d.id, d.name]));
  const ent = new Map(r.entities.map((e) => [e.id, `${e.kind}:${e.name}`]));
  const groups = new Map();
  for (const q of r.quotes) if (q.group) groups.set(q.group, [...(groups.get(q.group) || []), `${doc.get(q.doc)}@${q.start}`]);
  const sorted = (xs) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    documents: sorted(r.documents.map(({ id, ...d }) => d)),
    errors: sorted(r.errors),
    entities: sorted(r.entities.map(({ id, mentions, ...e }) => ({ ...e, mentions: sorted(mentions.map((m) => ({ ...m, doc: doc.get(m.doc) }))) }))),
    quotes: sorted(r.quotes.map(({ id, doc: d, speaker, group, ...q }) => ({
      ...q, doc: doc.get(d), speaker: speaker && ent.get(speaker), group: group && groups.get(group).sort(),
    }))),
    overlaps: sorted(r.overlaps.map(({ a, b, ...o }) => ({ ...o, pair: [doc.get(a), doc.get(b)].sort() }))),
  };
}
