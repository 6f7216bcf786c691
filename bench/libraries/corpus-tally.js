// Corpus-wide tally (all 17 articles) of the failure classes seen in the sample and the articles.
// Date readers: every hit was read by hand; the few that are not dates at all, or that turn a
// duration into a point in time, are listed below by file@offset (any hit not reviewed here is
// printed as UNREVIEWED so a re-run with another library version shows what changed).
// MS number family: classes are found by rule.
const fs = require('fs');
const { files } = require('./corpus');
const L = require('./libs');

const REVIEW = {
  chrono: {
    notDate: {
      'agencia-brasil-tse@1311': 'the verb "sat" read as Saturday',
      'xinhua-toll-615@1065': 'the name "Sun Huaikun" read as Sunday',
      'ap-toll-589@247': '"from 410 to 589" (death toll) read as 04:10',
      'reuters-premier-visit@1047': '"at 12,000 or more" (houses) read as 12:00',
      '004_051e052369d8c2cb@1479': '"night raids" read as tonight 20:00',
    },
    durationAsPoint: {
      '001_5275aee76dddcb41@767': '"lasted for two hours" → 14:00 today',
      'closing-oct-2023@1091': '"in the next 15 years" → 2038-10-13',
      'npr-bolsonaro@173': '"nearly two days after the vote" → 2022-11-03',
      'ap-toll-589@472': '"had killed more people in four years" → 2018-08-06',
      'reuters-premier-visit@595': '"had struck ... in 14 years" → 2028-08-04',
      'xinhua-toll-615@79': '"Four days after a strong earthquake hit" → 2014-08-11',
    },
    vague: ['closing-oct-2023@1050', 'npr-bolsonaro@1248', 'cbs-announcement@1489', 'reuters-announcement@1500'], // now, now, today, today
  },
  ms: {
    notDate: {
      'reuters-premier-visit@1050': '"at 12,000 or more" read as the time 12:00 / 00:00',
      '004_051e052369d8c2cb@1479': '"night raids" read as a night time range',
    },
    durationAsPoint: {},
    vague: ['closing-oct-2023@1050', 'npr-bolsonaro@1245', 'cbs-announcement@1489', 'reuters-announcement@1500'],
  },
};
const LONG = 100; // an MS date hit longer than this is a runaway span (it swallows whole paragraphs)

function dateTally(name, hitsOf) {
  const R = REVIEW[name];
  const t = { hits: 0, notDate: [], durationAsPoint: [], runaway: [], unreviewed: [] };
  for (const f of files) for (const h of hitsOf(f)) {
    t.hits++;
    const key = `${f.id}@${h.start}`;
    if (h.end - h.start > LONG) { t.runaway.push(`${f.id}: ${h.type} of ${h.end - h.start} chars, "${h.text.slice(0, 30).replace(/\n/g, ' ')}…${h.text.slice(-20).replace(/\n/g, ' ')}"`); continue; }
    if (R.notDate[key]) t.notDate.push(`${f.id}: ${R.notDate[key]}`);
    else if (R.durationAsPoint[key]) t.durationAsPoint.push(`${f.id}: ${R.durationAsPoint[key]}`);
    else if (!R.vague.includes(key) && /^(?:[a-z]{3}|sun|sat|\d{1,2}|from \d+|at \d+)$/i.test(h.text.trim())) t.unreviewed.push(`${key} "${h.text}"`);
  }
  return t;
}

function numTally() {
  const c = { hits: 0, yearOrDayInsideDate: [], bareYearAsQuantity: [], ordinalFromWord: [], centInWord: [],
    inchFromIn: [], currencyFromParen: [], oneOf: [], wrongScale: [] };
  for (const f of files) {
    const dates = L.msDateHits(f.text, f.ref).filter(d => !/duration/.test(d.type) && d.end - d.start <= 40);
    const seen = new Set();
    for (const h of L.msNumHits(f.text)) {
      const k = h.start + ':' + h.end; if (seen.has(k)) continue; seen.add(k); c.hits++;
      const v = h.res && h.res.value, txt = h.text, before = f.text[h.start - 1] || ' ', after = f.text.slice(h.end, h.end + 8);
      const q = `${f.id}: ${h.model} "${txt}"=${v}${h.res && h.res.unit ? ' ' + h.res.unit : ''}`;
      if (h.model === 'number' && dates.some(d => h.start >= d.start && h.end <= d.end)) c.yearOrDayInsideDate.push(q);
      else if (h.model === 'number' && /^(19|20)\d\d$/.test(txt)) c.bareYearAsQuantity.push(q + ` (…${f.text.slice(h.start - 12, h.end + 12).replace(/\n/g, ' ')}…)`);
      else if (h.model === 'ordinal' && v === '0') c.ordinalFromWord.push(q);
      else if (h.model === 'percentage' && /^cent$/i.test(txt) && /[a-z]/i.test(before)) c.centInWord.push(q + ` (in "${f.text.slice(h.start - 4, h.end)}")`);
      else if (h.model === 'dimension' && / in$/i.test(txt)) c.inchFromIn.push(q);
      else if (h.model === 'currency' && /\(/.test(txt)) c.currencyFromParen.push(q);
      else if (h.model === 'number' && /^one$/i.test(txt) && /^ of\b/.test(after)) c.oneOf.push(q);
      else if (h.model === 'number' && Number(v) > 0 && Number(v) < 1 && !/[0-9]/.test(txt)) c.wrongScale.push(q);
    }
  }
  return c;
}

const out = {
  chrono: dateTally('chrono', f => L.chronoHits(f.text, f.ref).map(h => ({ ...h, type: 'date' }))),
  msDate: dateTally('ms', f => L.msDateHits(f.text, f.ref)),
  msNum: numTally(),
};
let md = '# Corpus-wide failure tally (17 articles)\n';
for (const [k, t] of Object.entries(out)) {
  md += `\n## ${k} — ${t.hits} hits\n`;
  for (const [cls, list] of Object.entries(t)) if (Array.isArray(list)) md += `\n- **${cls}: ${list.length}**${list.length ? '\n' + list.map(x => '  - ' + x).join('\n') : ''}`;
  md += '\n';
}
fs.writeFileSync(__dirname + '/results/corpus-tally.md', md);
const brief = {};
for (const [k, t] of Object.entries(out)) { brief[k] = {}; for (const [cls, v] of Object.entries(t)) brief[k][cls] = Array.isArray(v) ? v.length : v; }
fs.writeFileSync(__dirname + '/results/corpus-tally.json', JSON.stringify({ counts: brief, detail: out }, null, 2));
console.log(JSON.stringify(brief, null, 2));
