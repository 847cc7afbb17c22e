/**
 * Graceful stop: once draining starts, requests already being served finish, and new ones get a
 * clear 503 (so a load balancer or a retrying client moves on) instead of a reset connection.
 * Rolling restarts and `docker stop` send SIGTERM; a worker in the middle of a case must not see
 * an answer cut off.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RequestDrain {
  /** Answers 503 and returns false once draining has begun; true otherwise. */
  admit(request: IncomingMessage, response: ServerResponse): boolean;
  /**
   * Counts an admitted request as in flight until both its response has closed and `handled`
   * has settled: a client that hangs up closes the response while the handler may still be
   * reading from Neo4j, and the driver must not close under it. Call it in the tick of admit.
   */
  track(response: ServerResponse, handled: Promise<unknown>): void;
  /** Requests being served right now. */
  readonly inFlight: number;
  readonly draining: boolean;
  /**
   * Stops accepting connections, waits for the requests in flight (at most `timeoutMs`), then
   * closes what is left. Resolves with how many requests had to be cut off.
   */
  drain(server: Server, timeoutMs: number): Promise<{ cutOff: number }>;
}

export const SHUTTING_DOWN_MESSAGE =
  'Metrokartta is restarting. Try again in a moment: nothing you sent was saved halfway.';

export function createRequestDrain(): RequestDrain {
  let inFlight = 0;
  let draining = false;
  let settled: (() => void) | undefined;

  function release() {
    inFlight -= 1;
    if (draining && inFlight === 0) {
      settled?.();
    }
  }

  return {
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    admit(request, response) {
      if (draining) {
        response.writeHead(503, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          'retry-after': '5',
          connection: 'close',
        });
        response.end(
          JSON.stringify({
            errors: [{ message: SHUTTING_DOWN_MESSAGE, extensions: { code: 'SHUTTING_DOWN' } }],
          }),
        );
        request.resume();
        return false;
      }
      return true;
    },
    track(response, handled) {
      inFlight += 1;
      const closed = new Promise((resolveClosed) => response.once('close', resolveClosed));
      void Promise.allSettled([closed, handled]).then(release);
    },
    async drain(server, timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
      // Keep-alive connections that sit idle would hold `close` open; the busy ones are closed by
      // Node once their response ends, because the server no longer accepts requests on them.
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished = await new Promise<boolean>((resolveDrained) => {
        if (inFlight === 0) {
          resolveDrained(true);
          return;
        }
        settled = () => resolveDrained(true);
        timer = setTimeout(() => resolveDrained(false), timeoutMs);
      });
      clearTimeout(timer);
      const cutOff = finished ? 0 : inFlight;
      server.closeAllConnections();
      await closed;
      return { cutOff };
    },
  };
}
