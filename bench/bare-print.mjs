// The lower bound: Chromium's own print of Galley's print HTML, without Paged.js.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../dist/editions/pdf/browser.js';

const [input, output] = process.argv.slice(2);
const session = await launchBrowser();
try {
  const page = await session.newPage();
  await page.goto(pathToFileURL(input).href, { waitUntil: 'load', timeout: 0 });
  await page.evaluate(() => document.fonts.ready);
  await writeFile(output, await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 0 }));
} finally {
  await session.close();
}
