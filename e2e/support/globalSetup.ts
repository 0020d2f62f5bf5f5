import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test answers, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseURL: string;
    /** The Chromium executable the specs drive. */
    chromiumPath: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const READY_TIMEOUT_MS = 180_000;

function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Chromium introuvable (cherché : ${candidates.join(', ')}). ` +
        'Installez-le (`sudo apt-get install chromium`) ou indiquez son chemin dans CHROMIUM_PATH.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the last lines the server printed, to explain a failed start. */
function tail(limit: number) {
  const lines: string[] = [];
  return {
    push(chunk: Buffer) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (lines.length > limit) lines.splice(0, lines.length - limit);
    },
    text: () => lines.join('\n'),
  };
}

async function waitUntilReady(baseURL: string, child: ChildProcess, output: ReturnType<typeof tail>) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Le serveur SPIE s’est arrêté au démarrage (code ${child.exitCode ?? child.signalCode}).\n${output.text()}`,
      );
    }
    try {
      const response = await fetch(`${baseURL}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`Le serveur SPIE n’est pas prêt après ${READY_TIMEOUT_MS / 1000} s.\n${output.text()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real server (demo mode) once for all specs: on a fresh embedded PGlite in a
 * temporary folder, or on the PostgreSQL of DATABASE_URL when it is set (CI's third run).
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) {
    throw new Error(
      'web/dist/index.html est absent : construisez l’application web d’abord (`npm run build -w web`).',
    );
  }
  const chromiumPath = findChromium();

  const port = await freePort();
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const dataDir = databaseUrl ? null : await mkdtemp(path.join(os.tmpdir(), 'spie-e2e-'));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    SPIE_DEMO: '1',
    LOG_LEVEL: 'warn',
    WORKER_INTERVAL_MS: '300',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.SPIE_DATA_DIR = dataDir;

  const output = tail(60);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    output.push(chunk);
    process.stderr.write(chunk);
  });

  const baseURL = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await stop(child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseURL, child, output);
  } catch (error) {
    await cleanup();
    throw error;
  }

  project.provide('baseURL', baseURL);
  project.provide('chromiumPath', chromiumPath);
  return cleanup;
}
