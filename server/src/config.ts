import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const intWithDefault = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

/** Every environment variable the server reads, with its default. README lists the same. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: intWithDefault(3000, 0, 65535),
    HOST: z.string().default('127.0.0.1'),
    /** Real PostgreSQL when set; otherwise embedded PGlite in SPIE_DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: intWithDefault(10, 1, 200),
    SPIE_DATA_DIR: z.string().default('.data'),
    /** Demo mode: demo login page, demo inbox, demo territory loaded on first start. */
    SPIE_DEMO: bool,
    /** Apply pending migrations at start (dev/demo). Production runs `npm run db:migrate`. */
    SPIE_AUTO_MIGRATE: z.enum(['0', '1']).optional(),
    /** 32-byte key (base64 or hex) for NIR encryption and blind indexes; generated into the data dir in dev. */
    SPIE_SECRET_KEY: z.string().optional(),
    SESSION_IDLE_MINUTES: intWithDefault(30, 1, 24 * 60),
    SESSION_ABSOLUTE_HOURS: intWithDefault(12, 1, 24 * 7),
    /** Secure cookies; defaults on in production. */
    COOKIE_SECURE: z.enum(['0', '1']).optional(),
    SMTP_URL: z.string().optional(),
    /** Address of the app as people reach it (links sent by SMS / e-mail), e.g. https://spie.departement.fr */
    PUBLIC_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('SPIE <ne-pas-repondre@spie.localhost>'),
    /** SMS provider (HTTP): messages are POSTed there; unset = local fake provider, nothing leaves the machine. */
    SMS_PROVIDER_URL: z.string().url().optional(),
    /** Key sent to the SMS provider (Bearer) and expected on its delivery reports; required with SMS_PROVIDER_URL. */
    SMS_PROVIDER_KEY: z.string().min(16, 'au moins 16 caractères / at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Folder of the built web app served by the server. */
    WEB_DIST: z.string().optional(),
    /** Outbox/notification worker poll interval. */
    WORKER_INTERVAL_MS: intWithDefault(1000, 50, 60_000),
    WORKER_ENABLED: z.enum(['0', '1']).default('1'),
  })
  .refine((e) => !e.SMS_PROVIDER_URL || e.SMS_PROVIDER_KEY, {
    path: ['SMS_PROVIDER_KEY'],
    message: 'requis avec SMS_PROVIDER_URL / required with SMS_PROVIDER_URL',
  });

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  - ${i.path.join('.')}: valeur invalide / invalid value (${i.message})`,
    );
    throw new ConfigError(`Configuration invalide / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(repoRoot, e.SPIE_DATA_DIR),
    demo: e.SPIE_DEMO,
    autoMigrate: e.SPIE_AUTO_MIGRATE ? e.SPIE_AUTO_MIGRATE === '1' : !production,
    secretKey: e.SPIE_SECRET_KEY ?? null,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === '1' : production,
    smtpUrl: e.SMTP_URL ?? null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    mailFrom: e.MAIL_FROM,
    smsProviderUrl: e.SMS_PROVIDER_URL ?? null,
    smsProviderKey: e.SMS_PROVIDER_KEY ?? null,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(repoRoot, e.WEB_DIST ?? 'web/dist'),
    worker: { enabled: e.WORKER_ENABLED === '1', intervalMs: e.WORKER_INTERVAL_MS },
  };
}
