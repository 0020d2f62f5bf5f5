// Zero-dependency helpers shared by start.mjs and test.mjs (they run before `npm install`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`SPIE demande Node.js 20.19 ou plus récent (vous avez ${process.versions.node}).`);
    process.exit(1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

export function runNpm(args, options = {}) {
  return run(npm, args, options);
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale =
    !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  console.log('Installation des dépendances (npm install)…');
  // `npm install` honours package-lock.json; `npm ci` is avoided because some npm set-ups
  // (e.g. omit-lockfile-registry-resolved) write lock files that `npm ci` then rejects.
  const status = runNpm(['install', '--no-audit', '--no-fund']);
  if (status !== 0) {
    console.error("L'installation des dépendances a échoué (voir ci-dessus).");
    process.exit(status);
  }
}

/** Builds the web app when it was never built or its sources changed since. */
export function ensureWebBuild({ force = false } = {}) {
  const index = path.join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'web')),
    newestMtime(path.join(root, 'contract', 'src')),
  );
  if (!force && existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log("Construction de l'application web…");
  const status = runNpm(['run', 'build', '-w', 'web']);
  if (status !== 0) {
    console.error("La construction de l'application web a échoué (voir ci-dessus).");
    process.exit(status);
  }
}

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Runs a long-lived child and forwards SIGINT/SIGTERM so its graceful shutdown runs. */
export function runForeground(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/**
 * Builds the server bundle (server/dist/main.mjs) when missing or older than its sources: the
 * server then runs as plain JavaScript, without the TypeScript loader (less memory, faster start).
 */
export function ensureServerBuild() {
  const bundle = path.join(root, 'server', 'dist', 'main.mjs');
  const sources = Math.max(
    newestMtime(path.join(root, 'server', 'src')),
    newestMtime(path.join(root, 'contract', 'src')),
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  console.log('Construction du serveur…');
  const status = runNpm(['run', 'build', '-w', 'server']);
  if (status !== 0) {
    console.error('La construction du serveur a échoué (voir ci-dessus).');
    process.exit(status);
  }
}
