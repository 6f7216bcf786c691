const t0=process.hrtime.bigint();
const R=require('@microsoft/recognizers-text-suite');
const t1=process.hrtime.bigint();
const chrono=require('chrono-node');
const t2=process.hrtime.bigint();
console.log('load ms suite',Number(t1-t0)/1e6,'chrono',Number(t2-t1)/1e6);
const s=process.argv[2]; const ref=new Date(process.argv[3]||'2014-08-03T12:00:00Z');
for (const f of ['recognizeNumber','recognizeOrdinal','recognizePercentage','recognizeCurrency','recognizeDimension','recognizeAge','recognizeTemperature']) {
  const r=R[f](s,R.Culture.English); for(const x of r) console.log(f, JSON.stringify([x.start,x.end,x.text,x.typeName,x.resolution]));
}
for (const x of R.recognizeDateTime(s,R.Culture.English,0,ref)) console.log('DT',JSON.stringify([x.start,x.end,x.text,x.typeName,x.resolution]));
for (const x of chrono.parse(s,ref)) console.log('CHRONO',x.index,JSON.stringify(x.text),x.start.date().toISOString(),JSON.stringify(x.start.knownValues), x.end?x.end.date().toISOString():'');
