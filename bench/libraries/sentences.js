// The passages timed one at a time: 300 characters each, cut from the corpus as they stand.
const { byId } = require('./corpus');
const cut = (id, from, n = 300) => { const t = byId[id].text; const i = t.indexOf(from); return t.slice(i, i + n); };
module.exports = {
  S1: cut('xinhua-toll-615', 'Sun Huaikun'),          // times, weekdays, volumes, a rate, a count
  S2: cut('reuters-announcement', 'Microsoft will pay'), // money, percentages, weekdays
};
if (require.main === module) for (const [k, v] of Object.entries(module.exports)) console.log(k, v.length, JSON.stringify(v));
