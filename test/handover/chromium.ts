/**
 * Renders HTML in Debian's headless Chromium through playwright-core (which never downloads a
 * browser): how many A4 pages it prints on, and how much of a screenshot is not background.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../src/handover/pdf.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Share of pixels darker than light grey; evaluated in a blank page, which has no CSP to forbid the data: image. */
const INK = `(async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
  return ink / (d.length / 4);
})`;

async function render(html: string, screenshotPath: string): Promise<{ pages: number; inkRatio: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    const png = await page.screenshot({ path: screenshotPath });
    const blank = await browser.newPage();
    const inkRatio = (await blank.evaluate(`${INK}(${JSON.stringify(png.toString('base64'))})`)) as number;
    return { pages, inkRatio };
  } finally {
    await browser.close();
  }
}

/** `unavailable` is the reason to skip (for node:test's `skip`), or false when Chromium is there. */
export const renderInChromium = Object.assign(render, {
  unavailable: existsSync(CHROMIUM) ? (false as const) : `Chromium is not installed at ${CHROMIUM} (Debian: apt-get update && apt-get install -y chromium)`,
});
