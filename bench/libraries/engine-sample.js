// The engine's own readers (readDates, readFigures, as built into out/ by `npm run build`) on the same 60 hand-labelled spans.
process.env.TZ = 'UTC';
const { byId } = require('./corpus');
const { DATES, FIGURES } = require('./labels');
const E = require('path').resolve(__dirname, '..', '..', 'out', 'server', 'src');
const { readDates } = require(`${E}/claims/dates`);
const { readFigures } = require(`${E}/claims/figures`);
const { tokenize } = require(`${E}/text/tokens`);
const { splitSentences } = require(`${E}/text/blocks`);
const MONTHS = ['january','february','march','april','may','june','july','august','september','october','november','december'];
function locate(l) {
  const text = byId[l.f].text;
  const flat = text.replace(/\s+/g, ' ');
  // positions in the original text: search the ctx with flexible whitespace
  const re = new RegExp(l.ctx.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const m = re.exec(text);
  if (!m) throw new Error(`${l.id} not found`);
  const spanRe = new RegExp(l.span.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const s = spanRe.exec(m[0]);
  const at = m.index + s.index;
  const sentence = splitSentences(text).find((x) => x.start <= at && at < x.end);
  return { text, at, end: at + s[0].length, sentence };
}
let dRight = 0, dFound = 0; const dFails = [];
for (const l of DATES) {
  const { text, at, end, sentence } = locate(l);
  const tokens = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
  const t0 = process.hrtime.bigint();
  const ds = readDates(tokens);
  const d = ds.find((x) => x.start < end && at < x.end);
  if (!d) { dFails.push(`${l.id} ${l.span}: not read`); continue; }
  dFound++;
  const span = l.span.toLowerCase();
  const want = {};
  if (/\b(1[89]|20)\d\d\b/.test(span)) want.year = l.e.y;
  const mon = MONTHS.findIndex((m) => span.includes(m.slice(0, 3)));
  if (mon >= 0) want.month = mon + 1;
  const day = span.match(/\b(\d{1,2})\b(?!:)/); if (day && mon >= 0) want.day = Number(day[1]);
  const wd = ['sunday','monday','tuesday','wednesday','thursday','friday','saturday'].find((w) => span.includes(w)); if (wd) want.weekday = wd;
  const got = { year: d.year?.value, month: d.month?.value, day: d.day?.value, weekday: String(d.weekday?.value ?? '').toLowerCase() || undefined };
  const ok = Object.keys(want).length > 0 && Object.entries(want).every(([k, v]) => String(got[k]).toLowerCase() === String(v).toLowerCase());
  if (ok) dRight++; else dFails.push(`${l.id} ${l.span}: read ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
}
const UNIT = { USD: ['USD', '$'], GBP: ['GBP', '£'], CNY: ['CNY'], '%': ['percent'], km: ['km'], cm: ['cm'], m3: ['m3'], t: ['tonne'], mag: ['magnitude'] };
let fRight = 0, fFound = 0; const fFails = [];
for (const l of FIGURES) {
  const { text, at, end, sentence } = locate(l);
  const tokens = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
  const fs = readFigures(tokens);
  const hits = fs.filter((x) => x.start < end && at < Math.max(x.end, x.unitEnd ?? x.end) + 1);
  if (!hits.length) { fFails.push(`${l.id} ${l.span}: not read`); continue; }
  fFound++;
  let ok;
  if (l.e.range) ok = l.e.range.every((v) => hits.some((h) => h.value === v) || hits.some((h) => h.upper === v));
  else {
    const h = hits[0];
    const unitOk = l.e.unit === null ? !h.unit && h.kind === 'amount' : l.e.unit === 'age' ? h.kind === 'age' : l.e.unit === 'ord' ? h.kind === 'ordinal' : (UNIT[l.e.unit] ?? []).some((u) => h.unit && (h.unit.id === u || h.unit.sign === u));
    ok = Math.abs(h.value - l.e.v) < 1e-6 * Math.max(1, l.e.v) && unitOk;
    if (!ok) fFails.push(`${l.id} ${l.span}: read ${h.value} ${h.unit?.id ?? ''} ${h.kind}`);
  }
  if (ok) fRight++; else if (l.e.range) fFails.push(`${l.id} ${l.span}: read ${hits.map((h) => h.value).join(',')}`);
}
// speed: the whole corpus, sentence by sentence
const { files } = require('./corpus');
const t0 = process.hrtime.bigint();
let n = 0;
for (let r = 0; r < 5; r++) for (const f of files) for (const s of splitSentences(f.text)) { const tk = tokenize(f.text.slice(s.start, s.end), s.start); readDates(tk); readFigures(tk); n++; }
const ms = Number(process.hrtime.bigint() - t0) / 1e6 / 5;
const bytes = files.reduce((a, f) => a + Buffer.byteLength(f.text), 0);
console.log(`dates: right ${dRight}/30, found ${dFound}; figures: right ${fRight}/30, found ${fFound}`);
console.log(`speed: corpus (${bytes} bytes) tokenized + dates + figures in ${ms.toFixed(1)} ms, ${(ms * 100000 / bytes).toFixed(1)} ms per 100 KB`);
console.log('date misses:\n  ' + dFails.join('\n  '));
console.log('figure misses:\n  ' + fFails.join('\n  '));
