import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_HOURS', 'twelve'],
    ['SPIE_DEMO', 'yes'],
    ['COOKIE_SECURE', 'true'],
    ['WORKER_INTERVAL_MS', '10'],
  ])('refuses %s=%j with a message naming it in French and English', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toMatch(/^Configuration invalide \/ invalid configuration:/);
    expect(error.message).toContain(`  - ${name}: valeur invalide / invalid value (`);
    expect(error.message.split('\n')).toHaveLength(2);
  });

  it('lists every bad variable at once', () => {
    const error = configError({ PORT: 'abc', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    const lines = error.message.split('\n').slice(1);
    expect(lines.map((l) => l.split(':')[0]?.trim())).toEqual(['- PORT', '- DATABASE_URL', '- LOG_LEVEL']);
  });

  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      production: false,
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      poolSize: 10,
      demo: false,
      autoMigrate: true,
      secretKey: null,
      session: { idleMinutes: 30, absoluteHours: 12 },
      cookieSecure: false,
      smtpUrl: null,
      mailFrom: 'SPIE <ne-pas-repondre@spie.localhost>',
      logLevel: 'info',
      worker: { enabled: true, intervalMs: 1000 },
    });
    const repoRoot = path.resolve(import.meta.dirname, '..', '..');
    expect(c.dataDir).toBe(path.join(repoRoot, '.data'));
    expect(c.webDist).toBe(path.join(repoRoot, 'web', 'dist'));
  });

  it('production: no automatic migration, secure cookies, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      production: true,
      autoMigrate: false,
      cookieSecure: true,
    });
    expect(loadConfig({ NODE_ENV: 'production', SPIE_AUTO_MIGRATE: '1', COOKIE_SECURE: '0' })).toMatchObject({
      autoMigrate: true,
      cookieSecure: false,
    });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      production: false,
      autoMigrate: true,
      cookieSecure: false,
    });
    expect(loadConfig({ SPIE_AUTO_MIGRATE: '0' }).autoMigrate).toBe(false);
  });

  it('parses values', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://spie@db.example.org:5432/spie',
      SPIE_DEMO: 'true',
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
      SMTP_URL: 'smtp://relay:25',
      WORKER_ENABLED: '0',
      LOG_LEVEL: 'debug',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://spie@db.example.org:5432/spie',
      demo: true,
      session: { idleMinutes: 15, absoluteHours: 8 },
      smtpUrl: 'smtp://relay:25',
      worker: { enabled: false, intervalMs: 1000 },
      logLevel: 'debug',
    });
    expect(loadConfig({ SPIE_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ SPIE_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ SPIE_DEMO: '' }).demo).toBe(false);
  });
});
