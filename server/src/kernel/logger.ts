import pino, { type Logger } from 'pino';

/**
 * JSON logs. Requests are logged by route pattern, never by URL or body; cookies and
 * authorisation headers are redacted should anything log them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'spie' },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        '*.password',
        '*.token',
        '*.nir',
      ],
      censor: '[masqué]',
    },
  });
}
