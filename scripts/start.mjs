// `npm start`: install if needed, build the web app if needed, then serve the demo territory on
// embedded PostgreSQL (PGlite, data in ./.data). Migrations and demo data are applied by the server.
import { checkNode, ensureDependencies, ensureServerBuild, ensureWebBuild, runForeground } from './lib.mjs';

checkNode();
ensureDependencies();
ensureWebBuild();
ensureServerBuild();
runForeground(process.execPath, ['--enable-source-maps', 'server/dist/main.mjs'], {
  ...process.env,
  SPIE_DEMO: process.env.SPIE_DEMO ?? '1',
  HOST: process.env.HOST ?? '127.0.0.1',
});
