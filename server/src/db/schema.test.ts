import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes } from './codegen';

/** The schema type is generated from the migrated database, never edited by hand. */
describe('db/schema.ts', () => {
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'equals what `npm run db:codegen` generates from the migrations',
    async () => {
      const committed = readFileSync(path.join(import.meta.dirname, 'schema.ts'), 'utf8');
      const generated = await generateSchemaTypes();
      expect(generated.length).toBeGreaterThan(1000);
      expect(
        committed,
        'src/db/schema.ts is stale or edited by hand: run `npm run db:codegen -w server`',
      ).toBe(generated);
    },
  );
});
