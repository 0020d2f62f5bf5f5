import { verifyAuditLog } from '../kernel/audit';
import { openConfiguredDatabase, runCli } from './cliSupport';

/** `npm run audit:verify`: walks the hash chains; exits 1 and names each altered or missing row. */
await runCli(async () => {
  const { database } = await openConfiguredDatabase();
  try {
    const report = await verifyAuditLog(database.db);
    if (report.problems.length === 0) {
      console.log(
        `Journal d'audit intègre : ${report.rows} lignes vérifiées sur ${report.chains} chaîne(s).`,
      );
      return 0;
    }
    console.error(
      `Journal d'audit ALTÉRÉ : ${report.problems.length} problème(s) sur ${report.rows} lignes.`,
    );
    for (const p of report.problems) console.error(`  - chaîne ${p.chain}, ${p.message}`);
    return 1;
  } finally {
    await database.close();
  }
});
