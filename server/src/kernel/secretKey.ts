import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseKey, randomToken } from './crypto';

/**
 * The master key comes from SPIE_SECRET_KEY. Outside production, a key is generated once into
 * the data folder so a demo works with no setup; production refuses to start without one.
 */
export function loadSecretKey(config: {
  secretKey: string | null;
  production: boolean;
  dataDir: string;
}): Buffer {
  if (config.secretKey) return parseKey(config.secretKey);
  if (config.production)
    throw new Error(
      'SPIE_SECRET_KEY est obligatoire en production / SPIE_SECRET_KEY is required in production',
    );
  const file = path.join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, Buffer.from(randomToken(32), 'base64url').toString('base64'), { mode: 0o600 });
  }
  return parseKey(readFileSync(file, 'utf8').trim());
}
