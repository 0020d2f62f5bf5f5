// `npm start`: install if needed, build the web app if needed, then serve the demo territory on
// embedded PostgreSQL (PGlite, data in ./.data). Migrations and demo data are applied by the server.
import { checkNode, ensureDependencies, ensureWebBuild, runForeground } from './lib.mjs';

checkNode();
ensureDependencies();
ensureWebBuild();
runForeground(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  ...process.env,
  SPIE_DEMO: process.env.SPIE_DEMO ?? '1',
  HOST: process.env.HOST ?? '127.0.0.1',
});
