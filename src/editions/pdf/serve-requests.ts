import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import type { Routed } from './request-router.js';

/** How a page's requests are answered while a layout is under way. */
export type Route = (url: string) => Promise<Routed>;

export interface ServedPage {
  /** Answer the page's requests with this (`undefined`: refuse them all). */
  route: Route | undefined;
  /** Called when answering a request failed (the request is refused). */
  onError: ((error: unknown) => void) | undefined;
}

/**
 * Answer every request `page` makes with `served.route`, through the DevTools
 * protocol's Fetch domain. Puppeteer's own request interception turns each body
 * into base64 one character at a time, in JavaScript: 0.4 s of the Node time of a
 * 100-chapter book, whose parts' documents are megabytes each.
 */
export async function serveRequests(page: Page): Promise<ServedPage> {
  const served: ServedPage = { route: undefined, onError: undefined };
  const cdp = await page.createCDPSession();
  cdp.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
    answer(cdp, event, served).catch(() => undefined); // the page is gone: nothing is waiting for the answer
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return served;
}

async function answer(cdp: CDPSession, event: Protocol.Fetch.RequestPausedEvent, served: ServedPage): Promise<void> {
  const { requestId } = event;
  let routed: Routed = { action: 'refuse' };
  try {
    if (served.route) routed = await served.route(event.request.url);
  } catch (error) {
    served.onError?.(error);
  }
  if (routed.action === 'continue') {
    await cdp.send('Fetch.continueRequest', { requestId });
  } else if (routed.action === 'refuse') {
    await cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
  } else {
    await cdp.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: 200,
      responseHeaders: [
        { name: 'Content-Type', value: routed.contentType },
        { name: 'Cache-Control', value: 'no-store' },
      ],
      body: Buffer.from(routed.body.buffer, routed.body.byteOffset, routed.body.byteLength).toString('base64'),
    });
  }
}
