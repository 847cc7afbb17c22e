/** A pino logger at trace level whose lines a test can read back (to check what is never logged). */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino(
    { level: 'trace' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  return { logger, lines };
}
