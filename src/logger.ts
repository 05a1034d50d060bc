import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured logs, object first. Anything that looks like a secret is redacted before it is written. */
export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino(
    {
      level,
      base: { pid: process.pid },
      redact: {
        paths: [
          'token',
          '*.token',
          'config.DISCORD_TOKEN',
          'DISCORD_TOKEN',
          'headers.authorization',
          'url',
          '*.url',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
