import { createReadStream } from 'node:fs';
import pino from 'pino';
import { composeDeps, prepareDatabase } from '../compose';
import { systemActor } from '../kernel/actor';
import { DomainError } from '../kernel/errors';
import { importCatalogueFile } from '../modules/catalogue';
import { argValue, openConfiguredDatabase, runCli } from './cliSupport';

/**
 * `npm run catalogue:import -- --territory 93 --kind services --file x.json [--format json] [--dry-run]`:
 * imports a data·inclusion file for a territory (same checks and report as the import screen).
 */
await runCli(async () => {
  const code = argValue('territory');
  const kind = argValue('kind');
  const file = argValue('file');
  const dryRun = process.argv.includes('--dry-run');
  const format = argValue('format') ?? file?.split('.').pop()?.toLowerCase();
  if (!code || (kind !== 'structures' && kind !== 'services') || !file) {
    console.error(
      'Usage : npm run catalogue:import -- --territory 93 --kind services|structures --file fichier.json [--dry-run]',
    );
    return 2;
  }
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx') {
    console.error('Format accepté : json, csv ou xlsx (option --format).');
    return 2;
  }
  const { config, database } = await openConfiguredDatabase();
  try {
    await prepareDatabase(database);
    const deps = composeDeps({ config, database, logger: pino({ level: 'warn' }) });
    const territory = await database.db
      .selectFrom('territories')
      .select(['id', 'name'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!territory) {
      console.error(`Territoire inconnu : ${code}.`);
      return 1;
    }
    try {
      const report = await importCatalogueFile(
        deps,
        systemActor('catalogue:import', territory.id),
        { kind, format, dryRun },
        createReadStream(file),
      );
      const n = (v: number) => v.toLocaleString('fr-FR');
      const t = report.totals;
      console.log(
        `${code} — ${territory.name} : ${n(t.rows)} lignes lues, ${n(t.created)} nouvelles, ${n(t.updated)} modifiées, ${n(t.unchanged)} inchangées, ${n(t.rejected)} rejetées, ${n(t.warnings)} avec avertissement, en ${(report.durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s.`,
      );
      console.log(dryRun ? 'Essai à blanc : rien n’a été écrit.' : 'Import enregistré.');
      for (const row of report.rows.filter((r) => r.issues.length > 0).slice(0, 20)) {
        for (const issue of row.issues) {
          console.log(`  ligne ${row.row} (${row.id ?? '?'}) — ${issue.severity} : ${issue.message}`);
        }
      }
      return 0;
    } catch (error) {
      if (error instanceof DomainError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
  } finally {
    await database.close();
  }
});
