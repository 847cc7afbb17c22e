/**
 * Structured logs. Case descriptions must never reach a log: request bodies and variables are
 * never logged, and the redact list is a second line of defence for anything that carries them.
 */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        '*.text',
        '*.input',
        '*.variables',
        'req.body',
        'body',
        'variables',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
  });
}
