// Forms named in the brief that the corpus lacks, in made-up sentences (not part of the 60-span
// sample's figures): what each library returns. Writes results/extra.md.
process.env.TZ = 'UTC';
const fs = require('fs'); const L = require('./libs');
const REF = new Date('2022-10-30T12:00:00Z'); // a Sunday
const CASES = [
  ['score', 'Brazil beat Serbia 2-1 on Sunday.', 'a 2-1 score; Sunday = 2022-10-30'],
  ['age', 'The former president, aged 75, spoke briefly.', 'age 75'],
  ['money US$', 'The deal is worth US$75 billion.', '75e9 USD'],
  ['money R$', 'The budget gap is R$ 1.2 trillion.', '1.2e12 BRL'],
  ['money £bn', 'Ministers set aside £2bn for repairs.', '2e9 GBP'],
  ['per cent', 'Lula took 50.9 per cent of the vote.', '50.9%'],
  ['range', 'Between 10 to 12 people were hurt.', 'range 10–12'],
  ['date span', 'Talks ran 3–9 February.', '2022-02-03 .. 2022-02-09'],
  ['magnitude', 'A magnitude 6.5 quake struck.', '6.5 (magnitude)'],
  ['ordinal', 'It was the 3rd time he won.', 'ordinal 3'],
  ['year+noun', 'Since the 2019 raid, little has changed.', '2019 is a year, not a quantity'],
];
let md = '# Forms not in the corpus (made-up sentences, reference date Sun 30 Oct 2022)\n\n| form | sentence | meant | chrono | MS datetime | MS numbers |\n|---|---|---|---|---|---|\n';
for (const [form, s, meant] of CASES) {
  const c = L.chronoHits(s, REF).map(h => `"${h.text.trim()}"→${h.res.iso.slice(0, 16)}${h.res.end ? '..' + JSON.stringify([h.res.end.month, h.res.end.day, h.res.end.hour]) : ''}`);
  const d = L.msDateHits(s, REF).map(h => `"${h.text}" ${h.type.replace('datetimeV2.', '')} ${JSON.stringify((h.res.values || []).map(v => v.value || v.start + '..' + v.end))}`);
  const n = L.msNumHits(s).map(h => `${h.model}:"${h.text}"=${h.res.value}${h.res.unit ? ' ' + h.res.unit : ''}`);
  md += `| ${form} | ${s} | ${meant} | ${c.join('; ') || '—'} | ${d.join('; ') || '—'} | ${n.join('; ') || '—'} |\n`;
}
fs.writeFileSync(__dirname + '/results/extra.md', md); console.log(md);
