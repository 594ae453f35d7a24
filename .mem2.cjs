const core=require('./dist/core.js');const fs=require('fs');
const m=JSON.parse(fs.readFileSync('bench/corpus/manifest.json'));
const texts=m.small.map(e=>fs.readFileSync(e.file,'utf8'));
gc(); const h0=process.memoryUsage().heapUsed;
const keep=texts.map(t=>core.parseCampaign(t)); gc(); const h1=process.memoryUsage().heapUsed;
keep.forEach(p=>core.validateCampaign(p)); gc(); const h2=process.memoryUsage().heapUsed;
console.log('per small parse KB', ((h1-h0)/texts.length/1024).toFixed(1), 'after validate', ((h2-h0)/texts.length/1024).toFixed(1), 'avg text', (texts.reduce((a,t)=>a+t.length,0)/texts.length).toFixed(0));
for (const e of m.large.filter(e=>e.size===50000)) { const t=fs.readFileSync(e.file,'utf8'); gc(); const a=process.memoryUsage().heapUsed; const p=core.parseCampaign(t); gc(); const b=process.memoryUsage().heapUsed; const s=core.syntaxTreeOf(p); console.log(e.kind,'MB',((b-a)/1e6).toFixed(1)); keep.push(p);}
