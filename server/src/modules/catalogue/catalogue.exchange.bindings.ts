import { Readable } from 'node:stream';
import { importQuery, catalogueRoutes as r } from '@spie/contract/catalogue';
import { bindHandler, bindUseCase, type RouteBinding } from '../../http/binding';
import { DomainError } from '../../kernel/errors';
import { execute } from '../../kernel/useCase';
import {
  exportCatalogue,
  exportStream,
  publicServicesApi,
  publicStructuresApi,
} from './exchange/exportCatalogue';
import { importCatalogueFile } from './exchange/importCatalogueFile';
import { tooLarge } from './exchange/importReaders';

/*
 * Import, export and the public data·inclusion API (catalogue exchange helper).
 * The import's body is the raw file (application/octet-stream), handed over as a stream by the
 * content-type parser of app.ts and read as it comes (size checked while reading).
 */

const encodeFilename = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function bodySource(body: unknown): AsyncIterable<Buffer | string | Uint8Array> {
  if (body instanceof Readable) return body;
  if (Buffer.isBuffer(body) || typeof body === 'string') return Readable.from([body]);
  // A JSON file sent as application/json arrives already parsed: read it again as text.
  if (Array.isArray(body)) return Readable.from([JSON.stringify(body)]);
  throw new DomainError(
    'validation',
    'catalogue_import.no_file',
    'Aucun fichier reçu : envoyez le fichier tel quel (type application/octet-stream).',
  );
}

/** Read only when iterated: the use case checks who may import before the body is looked at. */
async function* lazyBody(body: unknown): AsyncIterable<Buffer | string | Uint8Array> {
  yield* bodySource(body);
}

export const exchangeBindings: RouteBinding[] = [
  bindHandler(r.import, async (ctx) => {
    const parsed = importQuery.safeParse(ctx.query);
    if (!parsed.success) {
      throw new DomainError(
        'validation',
        'catalogue.import.invalid_input',
        'Précisez le contenu (structures ou services) et le format (JSON, CSV ou XLSX) du fichier.',
      );
    }
    const length = Number(ctx.reply.request.headers['content-length'] ?? 0);
    const max = r.import.bodyLimitBytes ?? 0;
    if (max > 0 && length > max) throw tooLarge(max);
    return importCatalogueFile(ctx.deps, ctx.actor, parsed.data, lazyBody(ctx.body), ctx.requestId);
  }),
  bindHandler(r.export, async (ctx) => {
    const file = await execute(ctx.deps, exportCatalogue, ctx.query, ctx.actor, { requestId: ctx.requestId });
    return ctx.reply
      .status(200)
      .header(
        'content-type',
        file.format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      )
      .header(
        'content-disposition',
        `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeFilename(file.filename)}`,
      )
      .header('cache-control', 'no-store')
      .send(exportStream(ctx.deps.database.db, file.territoryId, file.kind, file.format));
  }),
  bindUseCase(r.publicStructures, publicStructuresApi),
  bindUseCase(r.publicServices, publicServicesApi),
];
