// Speed: module load and cold calls (fresh processes, via cold.js), warm whole-corpus passes,
// single 300-character passages (median of 200), and every paragraph of the corpus one at a time
// (what a per-keystroke re-read costs). Writes results/bench.json and results/bench.md.
process.env.TZ = 'UTC';
const fs = require('fs');
const { execFileSync } = require('child_process');
const { files } = require('./corpus');
const SENT = require('./sentences');

const COLD_RUNS = +(process.env.COLD_RUNS || 7), SENT_RUNS = 200;
// MS takes seconds per corpus pass: fewer repeats for it keep the whole run near 10 minutes
const PASSES = n => (n === 'chrono' ? +(process.env.PASSES || 15) : +(process.env.MS_PASSES || 5));
const PARA_RUNS = n => (n === 'chrono' ? 11 : 5);
const med = a => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const r2 = x => Math.round(x * 100) / 100;

// ---- cold, in fresh processes ----
const cold = {};
for (const w of ['chrono', 'ms-date', 'ms-num', 'ms-all']) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) runs.push(JSON.parse(execFileSync(process.execPath, [__dirname + '/cold.js', w]).toString()));
  cold[w] = {};
  for (const k of ['loadMs', 'firstCallMs', 'secondCallMs', 'rssMB']) cold[w][k] = r2(med(runs.map(r => r[k])));
}

// ---- warm, in this process ----
const L = require('./libs');
const MS = L.MS;
const readers = {
  chrono: (t, ref) => L.chrono.parse(t, ref),
  'ms-date': (t, ref) => MS.recognizeDateTime(t, 'en-us', 0, ref),
  'ms-num': t => Object.values(L.NUM_MODELS).flatMap(f => f(t, 'en-us')),
  // the number package alone (plain numbers, ordinals, percentages): no currency, units, ages
  'ms-num-light': t => [MS.recognizeNumber, MS.recognizeOrdinal, MS.recognizePercentage].flatMap(f => f(t, 'en-us')),
  'ms-all': (t, ref) => MS.recognizeDateTime(t, 'en-us', 0, ref).concat(Object.values(L.NUM_MODELS).flatMap(f => f(t, 'en-us'))),
};
// MS with the models built once and kept (the suite's recognize* functions build a recognizer per call)
{
  const N = require('@microsoft/recognizers-text-number'), U = require('@microsoft/recognizers-text-number-with-unit'),
    D = require('@microsoft/recognizers-text-date-time');
  const nr = new N.NumberRecognizer('en-us'), ur = new U.NumberWithUnitRecognizer('en-us'), dr = new D.DateTimeRecognizer('en-us');
  const models = [nr.getNumberModel(), nr.getOrdinalModel(), nr.getPercentageModel(), ur.getCurrencyModel(), ur.getDimensionModel(), ur.getAgeModel(), ur.getTemperatureModel()];
  const dm = dr.getDateTimeModel();
  readers['ms-all (models kept)'] = (t, ref) => dm.parse(t, ref).concat(models.flatMap(m => m.parse(t)));
}
const bytes = files.reduce((a, f) => a + Buffer.byteLength(f.text), 0);
const warm = {};
for (const [name, fn] of Object.entries(readers)) {
  for (let i = 0; i < 3; i++) for (const f of files) fn(f.text, f.ref); // warm-up
  const passes = [];
  for (let p = 0; p < PASSES(name); p++) {
    const t = process.hrtime.bigint();
    for (const f of files) fn(f.text, f.ref);
    passes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const m = med(passes);
  warm[name] = { corpusMs: r2(m), minMs: r2(Math.min(...passes)), msPer100KB: r2(m / bytes * 102400) };
}
// ---- single passages ----
const sent = {};
for (const [sid, s] of Object.entries(SENT)) {
  sent[sid] = {};
  const ref = new Date('2014-08-07T12:00:00Z');
  for (const [name, fn] of Object.entries(readers)) {
    for (let i = 0; i < 20; i++) fn(s, ref);
    const t = [];
    for (let i = 0; i < SENT_RUNS; i++) { const a = process.hrtime.bigint(); fn(s, ref); t.push(Number(process.hrtime.bigint() - a) / 1e6); }
    sent[sid][name] = { median: r2(med(t)), p90: r2(q(t, 0.9)), max: r2(Math.max(...t)) };
  }
}
// ---- every paragraph, one at a time ----
const paras = files.flatMap(f => f.text.split(/\n/).filter(p => p.trim().length >= 40).map(p => ({ f, p })));
const perPara = {};
for (const [name, fn] of Object.entries(readers)) {
  const times = [];
  let worst = null;
  for (const { f, p } of paras) {
    const t = [];
    for (let i = 0; i < PARA_RUNS(name); i++) { const a = process.hrtime.bigint(); fn(p, f.ref); t.push(Number(process.hrtime.bigint() - a) / 1e6); }
    const m = med(t);
    times.push(m);
    if (!worst || m > worst.ms) worst = { ms: r2(m), chars: p.length, file: f.id, start: p.slice(0, 50) };
  }
  perPara[name] = { paragraphs: paras.length, median: r2(med(times)), p90: r2(q(times, 0.9)), max: r2(Math.max(...times)),
    over5ms: times.filter(x => x > 5).length, worst };
}
const out = { node: process.version, corpusBytes: bytes, corpusFiles: files.length, cold, warm, sentence: sent, perParagraph: perPara };
fs.writeFileSync(__dirname + '/results/bench.json', JSON.stringify(out, null, 2));
let md = `# Speed (node ${process.version}, corpus ${files.length} files, ${bytes} bytes)\n\n`;
md += '## Fresh process (median of ' + COLD_RUNS + ')\n\n| reader | module load ms | 1st call ms | 2nd call ms | RSS MB |\n|---|---|---|---|---|\n';
for (const [k, v] of Object.entries(cold)) md += `| ${k} | ${v.loadMs} | ${v.firstCallMs} | ${v.secondCallMs} | ${v.rssMB} |\n`;
md += `\n## Warm whole corpus (median of ${PASSES('chrono')} passes for chrono, ${PASSES('ms')} for MS, after 3 warm-up passes)\n\n| reader | corpus ms | min ms | ms per 100 KB |\n|---|---|---|---|\n`;
for (const [k, v] of Object.entries(warm)) md += `| ${k} | ${v.corpusMs} | ${v.minMs} | ${v.msPer100KB} |\n`;
for (const [sid, v0] of Object.entries(sent)) {
  md += `\n## 300-character passage ${sid} (${SENT_RUNS} runs): ${JSON.stringify(SENT[sid].slice(0, 60))}…\n\n| reader | median ms | p90 ms | max ms |\n|---|---|---|---|\n`;
  for (const [k, v] of Object.entries(v0)) md += `| ${k} | ${v.median} | ${v.p90} | ${v.max} |\n`;
}
md += `\n## Each of the ${paras.length} paragraphs (≥40 chars) alone, median of ${PARA_RUNS('chrono')} runs each for chrono, ${PARA_RUNS('ms')} for MS\n\n| reader | median ms | p90 ms | max ms | paragraphs over 5 ms | slowest |\n|---|---|---|---|---|---|\n`;
for (const [k, v] of Object.entries(perPara)) md += `| ${k} | ${v.median} | ${v.p90} | ${v.max} | ${v.over5ms} | ${v.worst.file} (${v.worst.chars} chars) "${v.worst.start}…" |\n`;
fs.writeFileSync(__dirname + '/results/bench.md', md);
console.log(md);
