import pino from 'pino';
import { composeDeps, prepareDatabase } from '../compose';
import { recomputeAllTerritories } from '../modules/review';
import { argValue, openConfiguredDatabase, runCli } from './cliSupport';

/**
 * `npm run review:recompute [-- --territory 93]`: evaluates every alert rule for every person of
 * each territory (or of one), like the nightly pass; prints what opened and closed.
 */
await runCli(async () => {
  const code = argValue('territory');
  const { config, database } = await openConfiguredDatabase();
  try {
    await prepareDatabase(database);
    const deps = composeDeps({ config, database, logger: pino({ level: 'warn' }) });
    const results = await recomputeAllTerritories(deps, code ? [code] : undefined);
    if (results.length === 0) {
      console.error(code ? `Territoire inconnu : ${code}.` : 'Aucun territoire dans la base.');
      return 1;
    }
    const n = (v: number) => v.toLocaleString('fr-FR');
    for (const r of results) {
      console.log(
        `${r.code} — ${r.name} : ${n(r.people)} personnes évaluées, ${n(r.opened)} alertes ouvertes, ${n(r.resolved)} résolues, en ${(r.durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s.`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
});
