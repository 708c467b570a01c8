/** Screenshots for the README: a chart page and the side panel side by side, as a user sees them. */
import type { Browser } from 'puppeteer-core';

/**
 * Composes two PNG screenshots side by side (left: the chart, right: the panel) in a blank page and
 * writes the result to `path`.
 */
export async function writeSideBySide(
  browser: Browser,
  left: { png: Uint8Array; width: number; height: number },
  right: { png: Uint8Array; width: number; height: number },
  path: string,
): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: left.width + right.width + 1, height: Math.max(left.height, right.height) });
    const img = (png: Uint8Array): string => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;display:flex;background:#888"><img src="${img(left.png)}" style="display:block">` +
        `<img src="${img(right.png)}" style="display:block;margin-left:1px"></body>`,
      { waitUntil: 'load' },
    );
    await page.screenshot({ path });
  } finally {
    await page.close();
  }
}
