// Which MS model costs what: each model alone over the whole corpus (warm, median of 3 passes),
// and the same text fed paragraph by paragraph (to show the cost grows faster than the text).
process.env.TZ = 'UTC';
const fs = require('fs');
const { files } = require('./corpus'); const L = require('./libs');
const med = a => [...a].sort((x, y) => x - y)[a.length >> 1];
const models = { datetime: (t, r) => L.MS.recognizeDateTime(t, 'en-us', 0, r), ...Object.fromEntries(Object.entries(L.NUM_MODELS).map(([k, f]) => [k, t => f(t, 'en-us')])) };
const time = fn => { const a = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - a) / 1e6; };
const out = {};
for (const [k, fn] of Object.entries(models)) {
  for (const f of files) fn(f.text, f.ref);
  const whole = [], byPara = [];
  for (let p = 0; p < 3; p++) {
    whole.push(time(() => { for (const f of files) fn(f.text, f.ref); }));
    byPara.push(time(() => { for (const f of files) for (const para of f.text.split('\n')) if (para.trim()) fn(para, f.ref); }));
  }
  out[k] = { wholeArticlesMs: Math.round(med(whole)), paragraphByParagraphMs: Math.round(med(byPara)) };
  console.log(k, JSON.stringify(out[k]));
}
fs.writeFileSync(__dirname + '/results/permodel.json', JSON.stringify(out, null, 2));
