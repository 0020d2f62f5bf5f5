import { buildApp } from './app';
import { composeDeps, createWorker, prepareDatabase } from './compose';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { ensureDemoTerritory, printDemoAccounts } from './demo/demoTerritory';
import { createLogger } from './kernel/logger';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  if (config.autoMigrate) await prepareDatabase(database);
  const deps = composeDeps({ config, database, logger });
  if (config.demo) {
    const created = await ensureDemoTerritory(deps, { people: true });
    if (created) logger.info('demo territory loaded');
  }
  const app = await buildApp(deps);
  const worker = createWorker(deps);
  if (config.worker.enabled) worker.start();
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  logger.info({ url, database: database.kind, demo: config.demo }, 'SPIE ready');
  if (config.demo) await printDemoAccounts(deps, url);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await worker.stop();
    await database.close();
    clearTimeout(force);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(
      'SPIE n’a pas pu démarrer / SPIE failed to start:',
      error instanceof Error ? error.message : error,
    );
  }
  process.exit(1);
});
