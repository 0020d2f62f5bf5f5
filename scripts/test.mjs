// `npm test`: install if needed, run the server suite (PGlite, or PostgreSQL when DATABASE_URL
// is set), then the browser tests when Chromium is available.
//   npm test -- --server-only | --e2e-only
import { checkNode, ensureDependencies, ensureWebBuild, findChromium, runNpm } from './lib.mjs';

checkNode();
ensureDependencies();
const args = new Set(process.argv.slice(2));
let failed = false;

if (!args.has('--e2e-only')) {
  const where = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PostgreSQL embarqué (PGlite)';
  console.log(`\n=== Tests du serveur sur ${where} ===`);
  if (runNpm(['run', 'test', '-w', 'server']) !== 0) failed = true;
  console.log('\n=== Tests unitaires de l’interface ===');
  if (runNpm(['run', 'test', '-w', 'web']) !== 0) failed = true;
}

if (!args.has('--server-only')) {
  const chromium = findChromium();
  if (!chromium) {
    console.log(
      '\n=== Tests navigateur ignorés : Chromium introuvable. ===\n' +
        'Pour les activer : `sudo apt-get install chromium` (Debian/Ubuntu), ou indiquez son chemin dans CHROMIUM_PATH.',
    );
  } else {
    ensureWebBuild();
    console.log(`\n=== Tests navigateur (${chromium}) ===`);
    if (runNpm(['run', 'test', '-w', 'e2e'], { env: { ...process.env, CHROMIUM_PATH: chromium } }) !== 0)
      failed = true;
  }
}

process.exit(failed ? 1 : 0);
