import { chromium } from 'playwright-core';
import http from 'node:http';
import { readFileSync } from 'node:fs';
const css = readFileSync('node_modules/@fontsource-variable/noto-sans-sc/wght.css','utf8').replaceAll('./files/','/files/');
const srv = http.createServer((q, r) => {
  if (q.url.startsWith('/files/')) { r.setHeader('content-type','font/woff2'); return r.end(readFileSync('node_modules/@fontsource-variable/noto-sans-sc'+q.url)); }
  r.setHeader('content-type','text/html; charset=utf-8'); r.end(`<html><head><style>${css} body{font-family:'Noto Sans SC Variable'}</style></head><body>Hello 更多城市参与项目</body></html>`); }).listen(3391);
const args = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.EXE ?? '/tmp/chromium', args });
browser.on('disconnected', () => console.log('DISCONNECTED'));
try {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.on('crash', () => console.log('PAGE CRASH'));
  await page.goto('http://127.0.0.1:3391/', {waitUntil:'networkidle'});
  await page.evaluate(async () => { await document.fonts.ready; });
  console.log('pdf', (await page.pdf()).length);
} catch (e) { console.log('ERR', e.message.split('\n')[0]); }
await browser.close().catch(()=>{}); srv.close();
