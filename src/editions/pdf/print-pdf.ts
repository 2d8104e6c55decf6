import type { Page } from 'puppeteer-core';
import { withTimeout } from './with-timeout.js';

/** Print the laid-out pages: page size from CSS, backgrounds, tagged, with an outline. */
export async function printPdf(page: Page, timeout: number, signal?: AbortSignal): Promise<Uint8Array> {
  const pdf = page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: false,
    timeout: 0,
  });
  return withTimeout(pdf, timeout, 'Printing the PDF', signal);
}
