// Thin wrappers that turn each library's output into one shape:
//   { lib, model, kind: 'date'|'num', start, end (exclusive), text, res }
process.env.TZ = 'UTC';
const timing = {};
let t = process.hrtime.bigint();
const chrono = require('chrono-node');
timing.chronoLoadMs = Number(process.hrtime.bigint() - t) / 1e6;
t = process.hrtime.bigint();
const MS = require('@microsoft/recognizers-text-suite');
timing.msLoadMs = Number(process.hrtime.bigint() - t) / 1e6;
const EN = MS.Culture.English;

function chronoHits(text, ref) {
  return chrono.parse(text, ref).map(r => ({
    lib: 'chrono', model: 'date', kind: 'date', start: r.index, end: r.index + r.text.length, text: r.text,
    res: {
      start: comp(r.start), end: r.end ? comp(r.end) : null,
      iso: r.start.date().toISOString(), certain: Object.keys(r.start.knownValues),
    },
  }));
}
function comp(c) {
  const o = {};
  for (const k of ['year', 'month', 'day', 'weekday', 'hour', 'minute']) o[k] = c.get(k);
  o.known = Object.keys(c.knownValues);
  return o;
}
const NUM_MODELS = {
  number: MS.recognizeNumber, ordinal: MS.recognizeOrdinal, percentage: MS.recognizePercentage,
  currency: MS.recognizeCurrency, dimension: MS.recognizeDimension, age: MS.recognizeAge,
  temperature: MS.recognizeTemperature,
};
function msShape(text, model, kind, r) {
  return { lib: 'ms', model, kind, start: r.start, end: r.end + 1, text: text.slice(r.start, r.end + 1),
    type: r.typeName, res: r.resolution };
}
function msDateHits(text, ref) {
  return MS.recognizeDateTime(text, EN, MS.DateTimeOptions.None, ref).map(r => msShape(text, 'datetime', 'date', r));
}
function msNumHits(text, models = Object.keys(NUM_MODELS)) {
  const out = [];
  for (const m of models) for (const r of NUM_MODELS[m](text, EN)) out.push(msShape(text, m, 'num', r));
  return out;
}
module.exports = { chrono, MS, chronoHits, msDateHits, msNumHits, NUM_MODELS, timing };
