import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { territorySettings } from '@spie/contract/territories';
import pino from 'pino';
import { composeDeps, prepareDatabase } from '../compose';
import { refillOrientationQueue } from '../demo/scale/scaleOrientations';
import { BENCH_COUNSELLOR } from '../demo/scale/scaleTerritory';
import { demoTerritoryId, seedScale } from '../demo/scaleSeed';
import { argValue, openConfiguredDatabase, runCli } from './cliSupport';

/**
 * `npm run seed:scale -- --people 100000 [--seed 42] [--report file.json] [--refill-queue 4000]`
 * Grows the demo territory 93 to a realistic size (fictional people only). Does nothing when the
 * territory already holds people. `--report` writes the row counts and a few ids the benches use.
 * `--refill-queue N` (benches) puts people back « à orienter » until the queue holds N: each bench
 * run decides 500 of them.
 */
await runCli(async () => {
  const people = Number(argValue('people', '100000'));
  const seed = Number(argValue('seed', '42'));
  const reportFile = argValue('report');
  const refill = Number(argValue('refill-queue', '0'));
  if (!Number.isInteger(people) || people < 10 || people > 2_000_000)
    throw new Error('--people : un nombre entier entre 10 et 2 000 000.');
  if (!Number.isInteger(seed)) throw new Error('--seed : un nombre entier.');
  const { config, database } = await openConfiguredDatabase();
  try {
    await prepareDatabase(database);
    const deps = composeDeps({ config, database, logger: pino({ level: 'warn' }) });
    console.log(
      `Jeu de données à l’échelle : ${people.toLocaleString('fr-FR')} personnes, graine ${seed}, base ${database.kind}.`,
    );
    const report = await seedScale(deps, { people, seed, log: (line) => console.log(line) });
    if (!report.seeded) {
      console.log(
        `Le territoire de démonstration contient déjà ${report.rows.persons?.toLocaleString('fr-FR')} personnes : rien n’a été ajouté (videz la base pour recommencer).`,
      );
    } else {
      console.log('Lignes par table (territoire 93) :');
      for (const [table, n] of Object.entries(report.rows))
        console.log(`  ${table.padEnd(20)} ${n.toLocaleString('fr-FR').padStart(12)}`);
      console.log(`Total : ${report.totalSeconds.toFixed(1)} s.`);
    }
    if (refill > 0 && !report.seeded && (report.rows.persons ?? 0) > 0) {
      const territoryId = await demoTerritoryId(deps);
      const { settings } = await database.db
        .selectFrom('territories')
        .select('settings')
        .where('id', '=', territoryId)
        .executeTakeFirstOrThrow();
      const now = deps.clock.now();
      const added = await refillOrientationQueue(
        database.db,
        {
          territoryId,
          now,
          today: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
          orientationDelayDays: territorySettings.parse(settings ?? {}).orientationDelayDays,
        },
        refill,
      );
      if (added > 0) console.log(`File « À orienter » complétée : ${added} personnes ajoutées.`);
    }
    if (reportFile) {
      const territoryId = await demoTerritoryId(deps);
      const sample = await database.db
        .selectFrom('follow_ups as f')
        .innerJoin('accounts as a', 'a.id', 'f.account_id')
        .select('f.person_id')
        .where('f.territory_id', '=', territoryId)
        .where('f.status', '=', 'active')
        .where('a.first_name', '=', BENCH_COUNSELLOR.firstName)
        .where('a.last_name', '=', BENCH_COUNSELLOR.lastName)
        .orderBy('f.person_id')
        .limit(400)
        .execute();
      mkdirSync(path.dirname(path.resolve(reportFile)), { recursive: true });
      writeFileSync(
        reportFile,
        `${JSON.stringify({ ...report, database: database.kind, benchCounsellorPersonIds: sample.map((s) => s.person_id) }, null, 2)}\n`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
});
