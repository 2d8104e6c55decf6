/**
 * Race work against a time limit and an abort signal; the timer is always
 * cleared. The error names what did not finish and how to give it longer.
 */
export async function withTimeout<T>(work: Promise<T>, timeout: number, what: string, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(timeout / 1000)} s (raise it with --timeout)`)), timeout);
    onAbort = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, limits]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
