// node dump.js [fileId...] : print every hit of both libraries, for reading by eye
const { files } = require('./corpus'); const L = require('./libs');
const want = process.argv.slice(2);
for (const f of files) {
  if (want.length && !want.includes(f.id)) continue;
  console.log(`\n##### ${f.id}  ref ${f.ref.toISOString().slice(0, 10)}`);
  for (const h of L.chronoHits(f.text, f.ref)) console.log(`chrono  [${h.start}] ${JSON.stringify(h.text)} -> ${h.res.iso.slice(0, 16)} known=${h.res.start.known}${h.res.end ? ' .. ' + JSON.stringify(h.res.end) : ''}`);
  for (const h of L.msDateHits(f.text, f.ref)) console.log(`ms-dt   [${h.start}] ${JSON.stringify(h.text)} ${h.type} ${JSON.stringify((h.res?h.res.values:[]).map(v => v.timex + '=' + (v.value || (v.start + '..' + v.end))))}`);
  for (const h of L.msNumHits(f.text)) console.log(`ms-${h.model.slice(0, 4)} [${h.start}] ${JSON.stringify(h.text)} ${JSON.stringify(h.res)}`);
}
