// One fresh process: module load time, then the first call (cold) and the second call (warm-ish)
// on the same 300-character passage, for one reader. Usage: node cold.js chrono|ms-date|ms-num|ms-all
process.env.TZ = 'UTC';
const which = process.argv[2];
const ns = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const S = require('./sentences').S1, REF = new Date('2014-08-07T12:00:00Z');
let t0 = ns(), lib, run;
if (which === 'chrono') { lib = require('chrono-node'); run = s => lib.parse(s, REF); }
else {
  lib = require('@microsoft/recognizers-text-suite');
  const num = s => ['recognizeNumber', 'recognizeOrdinal', 'recognizePercentage', 'recognizeCurrency', 'recognizeDimension', 'recognizeAge', 'recognizeTemperature'].flatMap(f => lib[f](s, 'en-us'));
  const dt = s => lib.recognizeDateTime(s, 'en-us', 0, REF);
  run = which === 'ms-date' ? dt : which === 'ms-num' ? num : s => dt(s).concat(num(s));
}
const t1 = ns(); run(S); const t2 = ns(); run(S); const t3 = ns();
console.log(JSON.stringify({ which, loadMs: ms(t0, t1), firstCallMs: ms(t1, t2), secondCallMs: ms(t2, t3), rssMB: process.memoryUsage().rss / 1048576 }));
