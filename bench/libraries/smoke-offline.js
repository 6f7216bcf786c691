// Run under `unshare -n` (no network at all): both libraries load and answer synchronously.
// Also fails if either pulls in a network module.
const Module = require('module'); const orig = Module._load; const netMods = [];
Module._load = function (req, ...a) { if (/^(node:)?(net|http|https|dns|tls|http2|dgram)$/.test(req)) netMods.push(req); return orig.call(this, req, ...a); };
const chrono = require('chrono-node'); const MS = require('@microsoft/recognizers-text-suite');
const s = 'On Sunday at 4:30 p.m. a magnitude-6.5 quake killed 175 people 23 km away; $68.7 billion, 43%.';
const a = chrono.parse(s, new Date('2014-08-03T12:00:00Z'));
const b = MS.recognizeDateTime(s, 'en-us', 0, new Date('2014-08-03T12:00:00Z'));
const c = MS.recognizeCurrency(s, 'en-us'), d = MS.recognizeDimension(s, 'en-us'), e = MS.recognizeNumber(s, 'en-us');
const sync = [a, b, c, d, e].every(Array.isArray);
console.log(JSON.stringify({ sync, chrono: a.map(x => x.text), msDate: b.map(x => x.text), msCurrency: c.map(x => x.text), msDim: d.map(x => x.text), msNumber: e.length, networkModulesLoaded: netMods }));
process.exit(sync && !netMods.length ? 0 : 1);
