import { migrateToLatest } from '../db/migrate';
import { ensureReferenceData } from '../db/referenceData';
import { openConfiguredDatabase, runCli } from './cliSupport';

/** `npm run db:migrate`: applies pending migrations and loads reference data (production path). */
await runCli(async () => {
  const { database } = await openConfiguredDatabase();
  try {
    const result = await migrateToLatest(database.db);
    const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    console.log(
      applied.length
        ? `Migrations appliquées : ${applied.join(', ')}`
        : 'Base déjà à jour : aucune migration en attente.',
    );
    await ensureReferenceData(database.db);
    return 0;
  } finally {
    await database.close();
  }
});
