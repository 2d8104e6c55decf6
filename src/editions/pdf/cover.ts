import type { Page } from 'puppeteer-core';

/** A capture of the title page under way in the browser. */
export interface CoverCapture {
  /** The PNG, once the browser has rendered it. */
  png: Promise<Uint8Array>;
}

/**
 * Start rendering the laid-out title page as a PNG at twice the CSS resolution (as
 * trimmed: without bleed and marks). Resolves once the browser has the request, so
 * it renders while the other parts are laid out and Node joins them (which keeps
 * Node's thread busy: a capture made of several round trips waited for it).
 */
export async function captureTitlePage(page: Page, bleed: boolean): Promise<CoverCapture> {
  const sheet = '.pagedjs_page:has(#title-page)';
  const box = await page.evaluate(
    (selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
    },
    bleed ? `${sheet} .pagedjs_pagebox` : sheet,
  );
  if (!box) throw new Error('No page to render as the cover');
  if (box.width === 0 || box.height === 0) throw new Error('The title page has no box to render as the cover');
  const client = await page.createCDPSession();
  // Scaled in the capture itself: changing the viewport would lay the whole book out again.
  const sent = client.send('Page.captureScreenshot', {
    format: 'png',
    clip: { x: box.x, y: box.y, width: Math.ceil(box.width), height: Math.ceil(box.height), scale: 2 },
    captureBeyondViewport: true,
  });
  const png = sent.then(({ data }) => new Uint8Array(Buffer.from(data, 'base64'))).finally(() => client.detach().catch(() => undefined));
  png.catch(() => undefined); // awaited by the caller; a failure before that is the build's own
  return { png };
}
