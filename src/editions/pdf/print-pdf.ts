import type { Page } from 'puppeteer-core';
import type { Deadline } from './deadline.js';

/** Print the laid-out pages: page size from CSS, backgrounds, tagged, with an outline. */
export async function printPdf(page: Page, deadline: Deadline): Promise<Uint8Array> {
  const pdf = page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: false,
    timeout: 0,
  });
  return deadline.run(pdf, 'Printing the PDF');
}
