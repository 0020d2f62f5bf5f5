import { loadConfig } from '../config';
import { openDatabase } from '../db/database';

/** Opens the configured database (DATABASE_URL or the PGlite data folder) for a CLI command. */
export async function openConfiguredDatabase() {
  const config = loadConfig();
  const database = await openDatabase(config);
  return { config, database };
}

export function argValue(name: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

export async function runCli(main: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = (await main()) ?? 0;
    process.exit(code);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
