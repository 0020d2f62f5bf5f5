import pino from 'pino';
import { composeDeps, prepareDatabase } from '../compose';
import { ensureDemoTerritory } from '../demo/demoTerritory';
import { openConfiguredDatabase, runCli } from './cliSupport';

/** `npm run seed:demo`: loads the fictional demo territory if it is not there yet. */
await runCli(async () => {
  const { config, database } = await openConfiguredDatabase();
  try {
    await prepareDatabase(database);
    const deps = composeDeps({ config, database, logger: pino({ level: 'warn' }) });
    const created = await ensureDemoTerritory(deps, { people: true });
    console.log(
      created ? 'Territoire de démonstration chargé.' : 'Le territoire de démonstration est déjà présent.',
    );
    return 0;
  } finally {
    await database.close();
  }
});
