import { createServer } from 'node:http';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';
const dir = '/tmp/gx/page';
const T = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer((req, res) => { const p = req.url.split('?')[0]; const f = join(dir, p === '/' ? 'index.html' : p); if (!existsSync(f)) { res.writeHead(404); return res.end(); } res.writeHead(200, { 'Content-Type': T[extname(f)] || 'application/octet-stream' }); res.end(readFileSync(f)); });
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const graphArg = process.argv[2] || 'graph.json';
await page.goto(`${url}?testhooks&key=diag&graph=${graphArg}&${process.env.Q||''}`);
await page.waitForFunction(() => window.__bench?.layouts.some((l) => l.source === 'layout' || l.source === 'cache'), undefined, { timeout: 120000 });
await page.waitForTimeout(1500);
const mode = process.argv[3] || 'paint';
const cdp = await ctx.newCDPSession(page);
if (mode === 'paint') {
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await cdp.send('Profiler.start');
  await page.waitForFunction(() => (window.__bench?.paints.length ?? 0) > 0, undefined, { timeout: 60000 });
  const { profile } = await cdp.send('Profiler.stop');
  const b = await page.evaluate(() => window.__bench);
  console.log('first paint', b.paints[0].at - b.dataReady, b.layouts);
  summarize(profile);
} else {
  await page.evaluate(() => { window.__f = []; let last=-1; const loop=(t)=>{ if(last>=0) window.__f.push([t-last, window.__trellisGraph.lastEdgeDrawMs(), window.__trellisGraph.zoom()]); last=t; if(!window.__stop) requestAnimationFrame(loop)}; requestAnimationFrame(loop); });
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const box = await page.locator('.graph-host').boundingBox();
  const c = { x: box.x + box.width/2, y: box.y + box.height/2 };
  const drag = async (dx, dy) => { await page.mouse.move(box.x+60, box.y+box.height-60); await page.mouse.down(); await page.mouse.move(box.x+60+dx, box.y+box.height-60+dy, { steps: 40 }); await page.mouse.move(box.x+60, box.y+box.height-60, { steps: 40 }); await page.mouse.up(); };
  const wheel = async (d) => { await page.mouse.move(c.x, c.y); for (let i=0;i<8;i++){ await page.mouse.wheel(0,d); await page.waitForTimeout(40);} };
  await drag(320,160); await wheel(-240); await drag(-300,120); await wheel(240); await drag(200,-200);
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  const f = await page.evaluate(() => { window.__stop = true; return window.__f; });
  const d = f.map((x) => x[0]).sort((a,b)=>a-b);
  console.log('frames', d.length, 'median', d[d.length>>1], 'p95', d[Math.floor(d.length*0.95)], 'max', d[d.length-1]);
  console.log('slow frames', f.filter((x) => x[0] > 50).map((x) => x.map((v) => v.toFixed(1)).join('/')).join(' '));
  summarize(profile);
}
function summarize(profile) {
  const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas; const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
  for (const [id, t] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) || 0) + t); }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [k, t] of top) console.log((t / 1000).toFixed(1).padStart(8), k);
  // inclusive time for named functions
  const total = new Map(); const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = n.callFrame.functionName; if (k && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + t); } cur = parent.get(cur); } }
  const watch = (process.env.WATCH || 'setElements,applyNodeDiff,toElements,ensureOverviewPositions,layoutInput,fit,render,GraphControls,GraphLegend,GraphPane,whenPainted,renderWithHooks,commitRoot,add,batch,endBatch,draw,boundingBox,calculateLabelDimensions,main,json,performWorkUntilDeadline,strokeGroup').split(',');
  console.log('inclusive:'); for (const k of watch) if (incl.has(k)) console.log((incl.get(k)/1000).toFixed(1).padStart(8), k);
  console.log('top inclusive:'); for (const [k,t] of [...incl].sort((a,b)=>b[1]-a[1]).slice(0, Number(process.env.TOPN||40))) console.log((t/1000).toFixed(1).padStart(8), k);
}
await browser.close(); server.close();
