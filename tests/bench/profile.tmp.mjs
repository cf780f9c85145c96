import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium-path.mjs';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
const files = {
  '/app/': '/work/bench-wt/dist/index.html',
  '/floor/': '/work/bench-wt/dist-bench/floor/index.html',
};
const server = createServer((req, res) => {
  const f = files[new URL(req.url, 'http://x').pathname];
  if (!f) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync(f));
});
await new Promise((r) => server.listen(4191, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const which = process.argv[2] || 'app';
const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:4191/${which}/`);
await page.waitForFunction(() => performance.getEntriesByName('workbook-ready').length > 0, null, {
  timeout: 60000,
});
const { profile } = await cdp.send('Profiler.stop');
writeFileSync(`/tmp/${which}.cpuprofile`, JSON.stringify(profile));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, t] of counts) {
  const n = byId.get(id);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  self.set(k, (self.get(k) || 0) + t);
}
console.log(
  [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, t]) => `${(t / 1000).toFixed(1)}ms ${k}`)
    .join('\n'),
);
await browser.close();
server.close();
