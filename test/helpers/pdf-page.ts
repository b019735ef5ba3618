// Renders a PDF's first page to PNG without pdftoppm (not on this machine): Mozilla's pdf.js
// (pdfjs-dist, an implementation we did not write) draws it on a canvas inside headless
// Chromium, served from a made-up origin because Chromium loads no module scripts from file://.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tools/conformance/pdf.js';

export interface RenderedPage {
  readonly pages: number;
  /** The first page as PNG, at 1.5 × its size in points. */
  readonly png: Buffer;
  /** The text pdf.js finds on the first page. */
  readonly text: string;
  /** Share of the canvas's pixels that are not white (0 for a blank page). */
  readonly inked: number;
}

const ORIGIN = 'http://pdf.render.test';
const PDFJS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');

const PAGE = `<!doctype html><html><body style="margin:0;background:#fff"><canvas id="c"></canvas>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
try {
  const doc = await pdfjs.getDocument('/doc.pdf').promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('c');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx, viewport }).promise;
  const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240) inked++;
  const text = (await page.getTextContent()).items.map((i) => i.str).join(' ');
  window.rendered = { pages: doc.numPages, text, inked: inked / (px.length / 4) };
} catch (e) {
  window.rendered = { error: String(e) };
}
</script></body></html>`;

export async function renderFirstPage(pdfFile: string): Promise<RenderedPage> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const files: Record<string, [string, Buffer | string]> = {
      '/': ['text/html', PAGE],
      '/pdf.mjs': ['text/javascript', readFileSync(join(PDFJS, 'pdf.min.mjs'))],
      '/pdf.worker.mjs': ['text/javascript', readFileSync(join(PDFJS, 'pdf.worker.min.mjs'))],
      '/doc.pdf': ['application/pdf', readFileSync(pdfFile)],
    };
    await page.route(`${ORIGIN}/**`, (route) => {
      const f = files[new URL(route.request().url()).pathname];
      return f ? route.fulfill({ contentType: f[0], body: f[1] }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { rendered?: unknown }).rendered, undefined, {
      timeout: 60_000,
    });
    const r = (await page.evaluate(() => (window as unknown as { rendered: unknown }).rendered)) as
      | Omit<RenderedPage, 'png'>
      | { error: string };
    if ('error' in r) throw new Error(`pdf.js could not render ${pdfFile}: ${r.error}`);
    const png = await page.locator('#c').screenshot();
    return { ...r, png };
  } finally {
    await browser.close();
  }
}
