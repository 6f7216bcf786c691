// Scores both libraries on the 60 hand-labelled spans of labels.js.
// Writes results/sample.md (one row per span) and results/sample.json; prints the summary.
const fs = require('fs');
const { byId } = require('./corpus');
const L = require('./libs');
const { DATES, FIGURES } = require('./labels');

const SLACK = 20; // a hit counts for a span if it overlaps it and reaches at most this far past either end
function locate(l) {
  const f = byId[l.f];
  if (!f) throw new Error('no file ' + l.f);
  const flat = f.text.replace(/\u00a0/g, ' '); // some articles use no-break spaces; same length, so offsets hold
  const i = flat.indexOf(l.ctx);
  if (i < 0 || flat.indexOf(l.ctx, i + 1) >= 0) throw new Error(`${l.id}: ctx not found once`);
  const j = l.ctx.indexOf(l.span);
  if (j < 0) throw new Error(`${l.id}: span not in ctx`);
  return { f, s: i + j, e: i + j + l.span.length };
}
const inWindow = (h, s, e) => h.start < e && h.end > s && h.start >= s - SLACK && h.end <= e + SLACK;
const overlaps = (h, s, e) => h.start < e && h.end > s;

// ---- dates -------------------------------------------------------------------------------
function fits(p, e) {
  for (const k of ['y', 'm', 'd', 'h', 'min']) if (e[k] !== undefined && p[k] !== e[k]) return false;
  if (e.season && p.season !== e.season) return false;
  return true;
}
function chronoPoints(h) {
  const pts = [h.res.start, h.res.end].filter(Boolean).map(c => ({ y: c.year, m: c.month, d: c.day, h: c.hour, min: c.minute }));
  return pts;
}
function parseStamp(s) {
  if (!s || s === 'undefined' || s === 'not resolved') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(s);
  if (m) return { y: +m[1], m: +m[2], d: +m[3], ...(m[4] ? { h: +m[4], min: +m[5] } : {}) };
  m = /^(\d{2}):(\d{2}):\d{2}$/.exec(s);
  if (m) return { h: +m[1], min: +m[2] };
  return null;
}
function msCandidates(h) {
  // one candidate per resolution value (MS lists the past reading first, then the future one)
  return ((h.res && h.res.values) || []).map(v => {
    const pts = [v.value, v.start, v.end].map(parseStamp).filter(Boolean);
    const sm = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v.timex || '');
    if (sm) pts.push({ y: +sm[1], season: sm[2] });
    const ym = /^(\d{4})(?:-(\d{2}))?$/.exec(v.timex || '');
    if (ym) pts.push({ y: +ym[1], ...(ym[2] ? { m: +ym[2] } : {}) });
    return { timex: v.timex, pts };
  });
}
function nearest(cands, ref) {
  let best = null, bd = Infinity;
  for (const c of cands) {
    const p = c.pts.find(q => q.y !== undefined);
    if (!p) { if (!best) best = c; continue; }
    const t = Date.UTC(p.y, (p.m || 1) - 1, p.d || 1, 12);
    const dist = Math.abs(t - ref.getTime());
    if (dist < bd) { bd = dist; best = c; }
  }
  return best;
}
function showChrono(h) {
  const c = h.res.start;
  let s = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')} ${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
  if (h.res.end) { const d = h.res.end; s += ` .. ${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`; }
  return `"${h.text.trim()}" → ${s} (known: ${c.known.join(',') || 'none'})`;
}
function showMs(h) {
  const vals = ((h.res && h.res.values) || []).map(v => `${v.timex}=${v.value || (v.start + '..' + v.end)}`);
  return `"${h.text}" ${h.type.replace('datetimeV2.', '')} [${vals.join(' | ')}]`;
}
function scoreDates() {
  const rows = [];
  for (const l of DATES) {
    const { f, s, e } = locate(l);
    const ch = L.chronoHits(f.text, f.ref).filter(h => inWindow(h, s, e));
    const ms = L.msDateHits(f.text, f.ref).filter(h => inWindow(h, s, e));
    const msBig = L.msDateHits(f.text, f.ref).filter(h => overlaps(h, s, e) && !inWindow(h, s, e));
    const chronoOk = ch.some(h => chronoPoints(h).some(p => fits(p, l.e)));
    const msCands = ms.flatMap(msCandidates);
    const msFirstOk = ms.some(h => { const c = msCandidates(h)[0]; return c && c.pts.some(p => fits(p, l.e)); });
    const msAnyOk = msCands.some(c => c.pts.some(p => fits(p, l.e)));
    // a caller's simplest rule for MS's alternatives: keep the one nearest the article's date
    const msNearOk = ms.some(h => { const c = nearest(msCandidates(h), f.ref); return c && c.pts.some(p => fits(p, l.e)); });
    rows.push({
      id: l.id, file: l.f, span: l.span, expect: l.e, why: l.why || '',
      chrono: { found: ch.length > 0, ok: chronoOk, got: ch.map(showChrono) },
      ms: { found: ms.length > 0, okFirst: msFirstOk, okNear: msNearOk, okAny: msAnyOk, got: ms.map(showMs),
        swallowedBy: msBig.map(h => `${h.type} span of ${h.end - h.start} chars`) },
    });
  }
  return rows;
}

// ---- figures ------------------------------------------------------------------------------
const num = x => (x === null || x === undefined ? NaN : Number(String(x).replace('%', '')));
const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
function unitOk(h, unit) {
  const r = h.res || {};
  switch (unit) {
    case null: return true;
    case '%': return h.model === 'percentage';
    case 'USD': return h.model === 'currency' && (r.isoCurrency === 'USD' || r.unit === 'Dollar');
    case 'GBP': return h.model === 'currency' && (r.isoCurrency === 'GBP' || /Pound/.test(r.unit || ''));
    case 'CNY': return h.model === 'currency' && r.isoCurrency === 'CNY';
    case 'km': return h.model === 'dimension' && r.unit === 'Kilometer';
    case 'cm': return h.model === 'dimension' && r.unit === 'Centimeter';
    case 'm3': return h.model === 'dimension' && r.unit === 'Cubic meter';
    case 't': return h.model === 'dimension' && /^(Ton|Metric ton|Tonne)$/.test(r.unit || '');
    case 'age': return h.model === 'age';
    case 'ord': return h.model === 'ordinal';
    case 'mag': return false; // no model for an earthquake magnitude
    default: return false;
  }
}
function showNum(h) {
  const r = h.res || {};
  return `${h.model}:"${h.text}"=${r.value}${r.unit ? ' ' + r.unit : ''}${r.isoCurrency ? ' (' + r.isoCurrency + ')' : ''}`;
}
function scoreFigures() {
  const rows = [];
  for (const l of FIGURES) {
    const { f, s, e } = locate(l);
    const ms = L.msNumHits(f.text).filter(h => inWindow(h, s, e));
    const msDt = L.msDateHits(f.text, f.ref).filter(h => inWindow(h, s, e));
    const ch = L.chronoHits(f.text, f.ref).filter(h => overlaps(h, s, e));
    let valueOk, unitRight;
    if (l.e.range) {
      valueOk = l.e.range.every(v => ms.some(h => near(num(h.res && h.res.value), v)));
      unitRight = false; // the JS suite has no number-range model: the two ends come back unlinked
    } else {
      const good = ms.filter(h => near(num(h.res && h.res.value), l.e.v));
      valueOk = good.length > 0;
      unitRight = good.some(h => unitOk(h, l.e.unit));
    }
    rows.push({
      id: l.id, file: l.f, span: l.span, expect: l.e, why: l.why || '',
      ms: { found: ms.length > 0, valueOk, unitOk: unitRight, ok: valueOk && unitRight, got: ms.map(showNum),
        alsoDate: msDt.map(showMs) },
      chronoAsDate: ch.map(showChrono),
    });
  }
  return rows;
}

// ---- report -------------------------------------------------------------------------------
function main() {
  const dates = scoreDates(), figs = scoreFigures();
  const n = (rows, p) => rows.filter(p).length;
  const pct = (a, b) => (b ? (100 * a / b).toFixed(0) + '%' : 'n/a');
  const S = {
    dates: {
      n: dates.length,
      chrono: { found: n(dates, r => r.chrono.found), correct: n(dates, r => r.chrono.ok) },
      ms: { found: n(dates, r => r.ms.found), correctFirst: n(dates, r => r.ms.okFirst), correctNearest: n(dates, r => r.ms.okNear), correctAny: n(dates, r => r.ms.okAny) },
    },
    figures: {
      n: figs.length,
      ms: { found: n(figs, r => r.ms.found), valueOk: n(figs, r => r.ms.valueOk), unitOk: n(figs, r => r.ms.unitOk), correct: n(figs, r => r.ms.ok) },
      chronoReadAsDate: n(figs, r => r.chronoAsDate.length > 0),
      msDatetimeOnFigure: n(figs, r => r.ms.alsoDate.length > 0),
    },
  };
  S.dates.chrono.recall = pct(S.dates.chrono.correct, S.dates.n);
  S.dates.chrono.precision = pct(S.dates.chrono.correct, S.dates.chrono.found);
  S.dates.ms.recallFirst = pct(S.dates.ms.correctFirst, S.dates.n);
  S.dates.ms.precisionFirst = pct(S.dates.ms.correctFirst, S.dates.ms.found);
  S.dates.ms.recallNearest = pct(S.dates.ms.correctNearest, S.dates.n);
  S.dates.ms.precisionNearest = pct(S.dates.ms.correctNearest, S.dates.ms.found);
  S.dates.ms.recallAny = pct(S.dates.ms.correctAny, S.dates.n);
  S.figures.ms.recall = pct(S.figures.ms.correct, S.figures.n);
  S.figures.ms.precision = pct(S.figures.ms.correct, S.figures.ms.found);
  S.figures.ms.valueRecall = pct(S.figures.ms.valueOk, S.figures.n);

  const yes = b => (b ? 'yes' : 'no');
  const fmtE = e => Object.entries(e).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('→') : v}`).join(' ');
  let md = '# Sample: 30 dates/times\n\n| id | span (file) | meant | chrono: found / right / reading | MS: found / right (first=past reading, nearest to article date, any reading) / reading |\n|---|---|---|---|---|\n';
  for (const r of dates) {
    md += `| ${r.id} | "${r.span}" (${r.file}) | ${fmtE(r.expect)}${r.why ? ' — ' + r.why : ''} | ${yes(r.chrono.found)} / ${yes(r.chrono.ok)} / ${r.chrono.got.join('; ') || '—'} | ${yes(r.ms.found)} / ${yes(r.ms.okFirst)}, ${yes(r.ms.okNear)}, ${yes(r.ms.okAny)} / ${r.ms.got.join('; ') || '—'}${r.ms.swallowedBy.length ? ' — swallowed by ' + r.ms.swallowedBy.join(', ') : ''} |\n`;
  }
  md += '\n# Sample: 30 figures (MS number family; chrono reads no numbers)\n\n| id | span (file) | meant | MS: found / value / unit / reading | MS datetime on it | chrono reads it as a date |\n|---|---|---|---|---|---|\n';
  for (const r of figs) {
    md += `| ${r.id} | "${r.span}" (${r.file}) | ${fmtE(r.expect)}${r.why ? ' — ' + r.why : ''} | ${yes(r.ms.found)} / ${yes(r.ms.valueOk)} / ${yes(r.ms.unitOk)} / ${r.ms.got.join('; ') || '—'} | ${r.ms.alsoDate.join('; ') || '—'} | ${r.chronoAsDate.join('; ') || '—'} |\n`;
  }
  md += '\n# Summary\n\n```json\n' + JSON.stringify(S, null, 2) + '\n```\n';
  fs.mkdirSync(__dirname + '/results', { recursive: true });
  fs.writeFileSync(__dirname + '/results/sample.md', md);
  fs.writeFileSync(__dirname + '/results/sample.json', JSON.stringify({ summary: S, dates, figures: figs }, null, 2));
  console.log(JSON.stringify(S, null, 2));
}
main();
