// Corpus: every .txt/.md under the story sources and the project's facts/sources, read as plain text.
// REF gives each article's reference date (its dateline; the raid articles carry none, so the
// date of the event they report is used: Atmeh raid Thu 3 Feb 2022, Humaira raid Thu 16 Jun 2022).
process.env.TZ = 'UTC';
const fs = require('fs'), path = require('path');
// The project's root is two folders up; the public stories sit beside it in ../shared.
const ROOT = path.resolve(__dirname, '..', '..');
const STORIES = path.join(ROOT, '..', 'shared', 'eval', 'stories');
const ROOTS = [
  ...fs.readdirSync(STORIES).map(s => path.join(STORIES, s, 'sources'))
    .filter(d => fs.existsSync(d) && fs.statSync(d).isDirectory()),
  path.join(ROOT, 'facts', 'sources'),
];
function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap(e => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : /\.(txt|md)$/.test(e.name) ? [p] : [];
  });
}
const REF = {
  'cbs-announcement': '2022-01-18', 'closing-oct-2023': '2023-10-13', 'reuters-announcement': '2022-01-18',
  'wapo-announcement': '2022-01-18', 'agencia-brasil-tse': '2022-10-30', 'npr-bolsonaro': '2022-11-01',
  'reuters-result': '2022-10-30', 'valor-result': '2022-10-30', 'ap-toll-589': '2014-08-06',
  'reuters-premier-visit': '2014-08-04', 'xinhua-first-night': '2014-08-03', 'xinhua-toll-615': '2014-08-07',
  '000_d5b0eb1f19cd9f4f': '2022-02-03', '001_5275aee76dddcb41': '2022-02-03', '002_3b0c83eb93a1357c': '2022-02-03',
  '003_f18772d31dee92f8': '2022-02-03', '004_051e052369d8c2cb': '2022-06-16',
};
const files = ROOTS.flatMap(walk).sort().map(p => {
  const id = path.basename(p).replace(/\.(txt|md)$/, '');
  const text = fs.readFileSync(p, 'utf8');
  const r = REF[id];
  // noon on the article's day, so day arithmetic never crosses a date line
  return { id, path: p, text, story: p.split('/').slice(-3, -2)[0], ref: r ? new Date(r + 'T12:00:00Z') : new Date() };
});
const byId = Object.fromEntries(files.map(f => [f.id, f]));
module.exports = { files, byId };
if (require.main === module) {
  for (const f of files) console.log(f.id, f.text.length, f.ref.toISOString().slice(0, 10), f.path);
  console.log('total chars', files.reduce((a, f) => a + f.text.length, 0),
    'bytes', files.reduce((a, f) => a + Buffer.byteLength(f.text), 0));
}
