import { PostgresDialect as CodegenPostgresDialect, generate } from 'kysely-codegen';
import { databaseFromPglite, openPglite } from './database';
import { migrateToLatest } from './migrate';

/**
 * The schema type is generated from a freshly migrated database, never edited by hand.
 * Returns the file text; the CLI writes it and a test checks the committed file is current.
 */
export async function generateSchemaTypes(): Promise<string> {
  const database = databaseFromPglite(await openPglite(null));
  try {
    await migrateToLatest(database.db);
    const text = await generate({
      db: database.db,
      dialect: new CodegenPostgresDialect({ numericParser: 'number', dateParser: 'string' }),
      excludePattern: '(kysely_migration|kysely_migration_lock)',
      typeOnlyImports: true,
      print: false,
      outFile: null,
      typeMapping: { int8: 'number' },
    });
    return text;
  } finally {
    await database.close();
  }
}
