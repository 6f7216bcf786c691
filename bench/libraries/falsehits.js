// False hits (and misses) over one whole article per story, against the hand labels of gold.js.
// Writes results/falsehits.md and results/falsehits.json; prints the summary.
const fs = require('fs');
const { byId } = require('./corpus');
const L = require('./libs');
const { GOLD } = require('./gold');
const SLACK = 20;

function goldSpans(id) {
  const flat = byId[id].text.replace(/\u00a0/g, ' ');
  const out = [];
  for (const g of GOLD[id]) {
    if (g.ctx) {
      const i = flat.indexOf(g.ctx);
      if (i < 0 || flat.indexOf(g.ctx, i + 1) >= 0) throw new Error(`${id}: ctx "${g.ctx}" not found once`);
      const j = g.ctx.indexOf(g.t);
      out.push({ ...g, s: i + j, e: i + j + g.t.length });
    } else {
      let i = flat.indexOf(g.t), c = 0;
      while (i >= 0) { out.push({ ...g, s: i, e: i + g.t.length }); c++; i = flat.indexOf(g.t, i + 1); }
      if (!c) throw new Error(`${id}: "${g.t}" not found`);
    }
  }
  return out;
}
const fitsGold = (h, g) => h.start < g.e && h.end > g.s && h.start >= g.s - SLACK && h.end <= g.e + SLACK;
const OK = { date: ['date', 'rel', 'dur', 'skip'], num: ['num', 'rel', 'dur', 'skip'] };

function classify(hits, gold, kind) {
  // one hit per distinct span (the MS number family reports "$95" from two models: count it once)
  const seen = new Map();
  for (const h of hits) { const k = h.start + ':' + h.end; if (!seen.has(k)) seen.set(k, { ...h, models: [h.model] }); else seen.get(k).models.push(h.model); }
  const uniq = [...seen.values()];
  const res = { hits: uniq.length, true: 0, skipped: 0, false: [], missed: [] };
  for (const h of uniq) {
    const g = gold.filter(g => OK[kind].includes(g.k) && fitsGold(h, g));
    if (!g.length) res.false.push(`${h.models.join('+')}:"${h.text.length > 60 ? h.text.slice(0, 28) + '…' + h.text.slice(-28) : h.text}"${h.text.length > 60 ? ` (${h.text.length} chars)` : ''}${h.res && h.res.value !== undefined ? '=' + h.res.value + (h.res.unit ? ' ' + h.res.unit : '') : ''}`.replace(/\n/g, ' '));
    else if (g.every(x => x.k === 'skip')) res.skipped++;
    else res.true++;
  }
  for (const g of gold) {
    if (g.k === 'skip' || (kind === 'date' && g.k === 'num') || (kind === 'num' && (g.k === 'date' || g.k === 'rel'))) continue;
    if (g.k === 'dur') continue; // durations: not required of either side
    if (!uniq.some(h => fitsGold(h, g))) res.missed.push(g.t);
  }
  res.falseCount = res.false.length;
  res.goldCount = gold.filter(g => g.k === kind || (kind === 'date' && g.k === 'rel')).length;
  return res;
}
// What an engine could cheaply do with MS output: drop number hits that lie inside a short MS
// date/time hit (the "18" and "2022" of "Jan. 18, 2022", the "4" and "30" of "4:30 p.m.").
function maskByDates(numHits, dateHits) {
  const dates = dateHits.filter(d => !/duration/.test(d.type) && d.end - d.start <= 40);
  return numHits.filter(n => !dates.some(d => n.start >= d.start && n.end <= d.end));
}

const out = {};
let md = '# False hits over one whole article per story\n';
for (const id of Object.keys(GOLD)) {
  const f = byId[id], gold = goldSpans(id);
  const msD = L.msDateHits(f.text, f.ref), msN = L.msNumHits(f.text);
  const r = {
    chrono: classify(L.chronoHits(f.text, f.ref), gold, 'date'),
    msDate: classify(msD, gold, 'date'),
    msNum: classify(msN, gold, 'num'),
    msNumMasked: classify(maskByDates(msN, msD), gold, 'num'),
  };
  out[id] = r;
  md += `\n## ${id} (${f.text.length} chars; gold: ${r.chrono.goldCount} dates, ${r.msNum.goldCount} figures)\n\n| reader | hits | true | false | missed gold | false hits |\n|---|---|---|---|---|---|\n`;
  for (const [name, x] of Object.entries(r)) {
    md += `| ${name} | ${x.hits} | ${x.true} | ${x.falseCount} | ${x.missed.length}${x.missed.length ? ': ' + x.missed.map(m => '"' + m + '"').join(', ') : ''} | ${x.false.join('; ') || '—'} |\n`;
  }
}
const tot = {};
for (const name of ['chrono', 'msDate', 'msNum', 'msNumMasked']) {
  const a = Object.values(out).map(r => r[name]);
  tot[name] = {
    hits: a.reduce((s, x) => s + x.hits, 0), true: a.reduce((s, x) => s + x.true, 0),
    false: a.reduce((s, x) => s + x.falseCount, 0), falsePerArticle: a.map(x => x.falseCount),
    missed: a.reduce((s, x) => s + x.missed.length, 0),
  };
  tot[name].precision = ((100 * tot[name].true) / (tot[name].true + tot[name].false)).toFixed(0) + '%';
}
md += '\n## Totals over the 4 articles\n\n```json\n' + JSON.stringify(tot, null, 2) + '\n```\n';
fs.writeFileSync(__dirname + '/results/falsehits.md', md);
fs.writeFileSync(__dirname + '/results/falsehits.json', JSON.stringify({ totals: tot, articles: out }, null, 2));
console.log(JSON.stringify(tot, null, 2));
