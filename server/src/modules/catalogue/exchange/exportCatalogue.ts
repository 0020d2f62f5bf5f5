import { Readable } from 'node:stream';
import { exportQuery, type ImportKind, publicApiQuery } from '@spie/contract/catalogue';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { decodeCursor, encodeCursor, isUuidValue } from '../../../kernel/cursor';
import { parisDay } from '../../../kernel/dailyJob';
import { defineUseCase } from '../../../kernel/useCase';
import { schemaFields } from './diSchema';
import {
  countPublished,
  type PublishedKey,
  publishedBatches,
  publishedServices,
  publishedStructures,
} from './exchange.queries';

/** Export of the territory's published structures or services: any member of the territory. */
export const exportCatalogue = defineUseCase({
  name: 'catalogue.export',
  kind: 'query',
  input: exportQuery,
  authorize: () => true,
  run: async (ctx, input) => {
    const territory = await ctx.trx
      .selectFrom('territories')
      .select(['id', 'code'])
      .where('id', '=', ctx.actor.territoryId)
      .executeTakeFirstOrThrow();
    const ext = input.format;
    return {
      territoryId: territory.id,
      kind: input.kind,
      format: input.format,
      filename: `${input.kind}-data-inclusion-${territory.code}-${parisDay(ctx.now)}.${ext}`,
    };
  },
});

const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(',') : v);

/** The file, streamed by batches of 1,000 (JSON array or CSV with the schema's column names). */
export function exportStream(
  db: Kysely<DB>,
  territoryId: string,
  kind: ImportKind,
  format: 'json' | 'csv',
): Readable {
  const fields = schemaFields(kind);
  async function* generate(): AsyncGenerator<string> {
    let first = true;
    if (format === 'json') yield '[';
    else yield stringify([fields]);
    for await (const batch of publishedBatches(db, kind, territoryId)) {
      if (format === 'json') {
        const text = batch.map((di) => JSON.stringify(di)).join(',\n');
        yield first ? `\n${text}` : `,\n${text}`;
      } else {
        const record = (di: object) => fields.map((f) => cell((di as Record<string, unknown>)[f]));
        yield stringify(batch.map(record));
      }
      first = false;
    }
    if (format === 'json') yield '\n]\n';
  }
  return Readable.from(generate());
}

const validKey = (v: (string | number)[]) => isUuidValue(v[0]) && typeof v[1] === 'string';

function publicPage(kind: ImportKind) {
  return async (
    db: Kysely<DB>,
    input: { after?: string | undefined; size: number; departement?: string | undefined },
  ) => {
    const after = decodeCursor(input.after, 2, validKey) as PublishedKey | null;
    const filter = input.departement ? { departement: input.departement } : {};
    const [page, total] = await Promise.all([
      kind === 'services'
        ? publishedServices(db, filter, after, input.size)
        : publishedStructures(db, filter, after, input.size),
      countPublished(db, kind, filter),
    ]);
    const last = page[page.length - 1];
    return {
      items: page.map((p) => p.di),
      next: page.length === input.size && last ? encodeCursor(last.key) : null,
      total,
    };
  };
}

const servicesPage = publicPage('services');
const structuresPage = publicPage('structures');

/** Public data·inclusion API: published services of every territory, by keyset. */
export const publicServicesApi = defineUseCase({
  name: 'catalogue.publicServices',
  kind: 'query',
  input: publicApiQuery,
  actors: ['anonymous', 'account', 'member', 'system'],
  authorize: () => true,
  run: async (ctx, input) => {
    const page = await servicesPage(ctx.trx, input);
    return page as { items: typeof page.items; next: string | null; total: number };
  },
});

export const publicStructuresApi = defineUseCase({
  name: 'catalogue.publicStructures',
  kind: 'query',
  input: publicApiQuery,
  actors: ['anonymous', 'account', 'member', 'system'],
  authorize: () => true,
  run: (ctx, input) => structuresPage(ctx.trx, input),
});
