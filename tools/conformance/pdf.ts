// The certificate as a PDF beside the HTML: the same page, printed by headless Chromium
// (playwright-core drives it), so the PDF says exactly what the HTML says.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

/** Chromium's flags for a headless print with no display, GPU or sandbox (a CI container). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];

/** Prints `htmlFile` to `pdfFile` (A4, backgrounds on: the verdict's badge keeps its colour). */
export async function printPdf(htmlFile: string, pdfFile: string, executablePath: string): Promise<void> {
  if (!existsSync(executablePath))
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      `no Chromium at ${executablePath} to print conformance.pdf: install chromium or give --chromium PATH (--no-pdf skips the PDF)`,
    );
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { timeout: 60_000 });
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
