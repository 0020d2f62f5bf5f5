import type {
  DiService,
  DiStructure,
  ImportFormat,
  ImportIssue,
  ImportKind,
  ImportReport,
  ImportRow,
  RowOutcome,
} from '@spie/contract/catalogue';
import { importFormat, importKind } from '@spie/contract/catalogue';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { searchText } from '../../../db/referenceData';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../kernel/actor';
import { parisDay } from '../../../kernel/dailyJob';
import type { Deps } from '../../../kernel/deps';
import { DomainError } from '../../../kernel/errors';
import { defineUseCase, execute } from '../../../kernel/useCase';
import { diServiceToRow, diStructureToRow, serviceRowToDi, structureRowToDi } from '../catalogue.mapping';
import { qualityOf } from '../quality';
import { schemaFields, schemaIssues } from './diSchema';
import { type ImportSource, readRows } from './importReaders';
import {
  filledCoordinates,
  missingCoordinates,
  rowRules,
  unknownCommune,
  unknownStructure,
} from './importRules';

/*
 * Import of a data·inclusion file (structures or services; JSON, CSV or XLSX):
 * 1. read and check every row (streamed; no transaction open meanwhile): official JSON Schema, then
 *    the business rules (errors reject the row, warnings keep it);
 * 2. in ONE transaction, compare with what the catalogue holds (created / updated / unchanged) and,
 *    unless it is a dry run, upsert the changed rows by batches. A failure rolls everything back.
 * SPIE's additions (places, sessions, owner, contact, status) are never touched by an import.
 */

export const REPORT_ROWS_MAX = 2000;
const READ_BATCH = 1000;
const WRITE_BATCH = 500;

export interface ImportOptions {
  kind: ImportKind;
  format: ImportFormat;
  dryRun: boolean;
  ownerOrganisationId?: string | undefined;
}

interface CheckedRow {
  row: number;
  id: string | null;
  nom: string | null;
  issues: ImportIssue[];
  /** The data·inclusion fields when the row is kept. */
  di: DiService | DiStructure | null;
  outcome: RowOutcome;
}

const isAdmin = (actor: Actor) =>
  (actor.kind === 'member' && actor.role === 'territory_admin') ||
  (actor.kind === 'system' && actor.territoryId !== null);
const territoryOf = (actor: Actor): string | null =>
  actor.kind === 'member' || actor.kind === 'system' ? actor.territoryId : null;

const keptRow = z.object({ id: z.string(), di: z.custom<DiService | DiStructure>() });
const writeInput = z.object({
  kind: importKind,
  format: importFormat,
  dryRun: z.boolean(),
  ownerOrganisationId: z.uuid().optional(),
  rows: z.array(keptRow),
  /** Counts for the audit row (no personal data). */
  read: z.number(),
  rejected: z.number(),
});
type WriteOutput = { outcomes: Map<string, 'cree' | 'modifie' | 'inchange'> };

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const comparable = (kind: ImportKind, di: DiService | DiStructure) =>
  JSON.stringify(
    kind === 'services'
      ? serviceRowToDi(diServiceToRow(di as DiService))
      : structureRowToDi(diStructureToRow(di as DiStructure)),
  );

const SERVICE_COLUMNS = Object.keys(diServiceToRow({} as DiService));
const STRUCTURE_COLUMNS = Object.keys(diStructureToRow({} as DiStructure));

async function upsert(
  trx: Transaction<DB>,
  kind: ImportKind,
  territoryId: string,
  rows: { di: DiService | DiStructure; extra: Record<string, unknown> }[],
  ownerOrganisationId: string | null,
  now: Date,
) {
  const table = kind === 'services' ? 'catalogue_services' : 'catalogue_structures';
  const columns = kind === 'services' ? SERVICE_COLUMNS : STRUCTURE_COLUMNS;
  const computed = kind === 'services' ? ['quality_score', 'search_text'] : [];
  for (const batch of chunks(rows, WRITE_BATCH)) {
    const values = batch.map(({ di, extra }) => ({
      ...(kind === 'services' ? diServiceToRow(di as DiService) : diStructureToRow(di as DiStructure)),
      ...extra,
      territory_id: territoryId,
      owner_organisation_id: ownerOrganisationId,
      status: 'publie',
      created_at: now,
      updated_at: now,
    }));
    const changed = sql<boolean>`(${sql.join(columns.map((c) => sql.ref(`${table}.${c}`)))}) is distinct from (${sql.join(
      columns.map((c) => sql.ref(`excluded.${c}`)),
    )})`;
    const set: Record<string, unknown> = Object.fromEntries(
      [...columns, ...computed].filter((c) => c !== 'id').map((c) => [c, sql.ref(`excluded.${c}`)]),
    );
    set.revision = sql`${sql.ref(`${table}.revision`)} + 1`;
    set.updated_at = now;
    await trx
      .insertInto(table)
      .values(values as never)
      .onConflict((oc) =>
        oc
          .columns(['territory_id', 'id'])
          .doUpdateSet(set as never)
          .where(changed),
      )
      .execute();
  }
}

/** Step 2: compare and write, in one transaction (the use case). */
export const writeCatalogueImport = defineUseCase({
  name: 'catalogue.import',
  kind: 'command',
  input: writeInput,
  actors: ['member', 'system'],
  authorize: (ctx) => isAdmin(ctx.actor),
  auditSubject: (input, output: WriteOutput) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const o of output.outcomes.values()) {
      if (o === 'cree') counts.created += 1;
      else if (o === 'modifie') counts.updated += 1;
      else counts.unchanged += 1;
    }
    return {
      subjectType: 'catalogue_import',
      details: {
        kind: input.kind,
        format: input.format,
        dryRun: input.dryRun,
        rows: input.read,
        rejected: input.rejected,
        ...counts,
      },
    };
  },
  run: async (ctx, input): Promise<WriteOutput> => {
    const territoryId = territoryOf(ctx.actor);
    if (!territoryId) throw new DomainError('forbidden', 'catalogue.import.forbidden', 'Territoire inconnu.');
    const { kind } = input;
    const today = parisDay(ctx.now);
    if (input.ownerOrganisationId) {
      const org = await ctx.trx
        .selectFrom('organisations')
        .select('id')
        .where('territory_id', '=', territoryId)
        .where('id', '=', input.ownerOrganisationId)
        .executeTakeFirst();
      if (!org) {
        throw new DomainError(
          'validation',
          'catalogue_import.owner_unknown',
          'La structure propriétaire choisie n’existe pas sur ce territoire.',
          [{ path: 'ownerOrganisationId', message: 'Structure inconnue.' }],
        );
      }
    }
    const outcomes = new Map<string, 'cree' | 'modifie' | 'inchange'>();
    const toWrite: { di: DiService | DiStructure; extra: Record<string, unknown> }[] = [];
    const structureNames = new Map<string, string>();
    for (const batch of chunks(input.rows, READ_BATCH)) {
      const ids = batch.map((r) => r.id);
      const existing = new Map<string, string>();
      if (kind === 'services') {
        const rows = await ctx.trx
          .selectFrom('catalogue_services')
          .selectAll()
          .where('territory_id', '=', territoryId)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) existing.set(r.id, JSON.stringify(serviceRowToDi(r)));
        const structureIds = [
          ...new Set(
            batch.map((r) => (r.di as DiService).structure_id).filter((s) => !structureNames.has(s)),
          ),
        ];
        if (structureIds.length > 0) {
          const structures = await ctx.trx
            .selectFrom('catalogue_structures')
            .select(['id', 'nom'])
            .where('territory_id', '=', territoryId)
            .where('id', 'in', structureIds)
            .execute();
          for (const s of structures) structureNames.set(s.id, s.nom);
        }
      } else {
        const rows = await ctx.trx
          .selectFrom('catalogue_structures')
          .selectAll()
          .where('territory_id', '=', territoryId)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) existing.set(r.id, JSON.stringify(structureRowToDi(r)));
      }
      for (const r of batch) {
        const before = existing.get(r.id);
        const outcome =
          before === undefined ? 'cree' : before === comparable(kind, r.di) ? 'inchange' : 'modifie';
        outcomes.set(r.id, outcome);
        if (outcome === 'inchange') continue;
        if (kind === 'services') {
          const di = r.di as DiService;
          toWrite.push({
            di,
            extra: {
              quality_score: qualityOf(di, today).score,
              search_text: searchText(
                `${di.nom} ${structureNames.get(di.structure_id) ?? ''} ${di.description}`,
              ),
            },
          });
        } else {
          toWrite.push({ di: r.di, extra: {} });
        }
      }
    }
    if (!input.dryRun && toWrite.length > 0) {
      await upsert(ctx.trx, kind, territoryId, toWrite, input.ownerOrganisationId ?? null, ctx.now);
    }
    return { outcomes };
  },
});

/** Fills every schema field (missing ones as null), in the schema's order. */
function normalise(kind: ImportKind, value: Record<string, unknown>): DiService | DiStructure {
  const out: Record<string, unknown> = {};
  for (const field of schemaFields(kind)) out[field] = value[field] ?? null;
  return out as unknown as DiService | DiStructure;
}

/**
 * Imports a file for the actor's territory (territory admin, or a CLI acting for the territory).
 * Reads `source` as a stream; returns the report (totals, rows with issues or changes).
 */
export async function importCatalogueFile(
  deps: Deps,
  actor: Actor,
  options: ImportOptions,
  source: ImportSource,
  requestId: string | null = null,
): Promise<ImportReport> {
  const started = performance.now();
  const base = {
    kind: options.kind,
    format: options.format,
    dryRun: options.dryRun,
    ...(options.ownerOrganisationId ? { ownerOrganisationId: options.ownerOrganisationId } : {}),
  };
  const territoryId = territoryOf(actor);
  if (!isAdmin(actor) || !territoryId) {
    // Refused (and audited) by the use case before the file is read.
    await execute(deps, writeCatalogueImport, { ...base, rows: [], read: 0, rejected: 0 }, actor, {
      requestId,
    });
    throw new DomainError(
      'forbidden',
      'catalogue.import.forbidden',
      'Vous n’avez pas les droits pour cette action.',
    );
  }
  const { kind } = options;
  const today = parisDay(deps.clock.now());
  const db = deps.database.db;

  // 1. Read and check every row, nothing written.
  const checked: CheckedRow[] = [];
  const seen = new Set<string>();
  for await (const { row, value } of readRows(kind, options.format, source)) {
    const issues = schemaIssues(kind, value);
    const object = value !== null && typeof value === 'object' && !Array.isArray(value);
    const record = (object ? value : {}) as Record<string, unknown>;
    if (object) issues.push(...rowRules(kind, record, seen, today));
    const hasError = issues.some((i) => i.severity === 'erreur');
    checked.push({
      row,
      id: typeof record.id === 'string' ? record.id : null,
      nom: typeof record.nom === 'string' ? record.nom : null,
      issues,
      di: hasError ? null : normalise(kind, record),
      outcome: hasError ? 'rejete' : 'inchange',
    });
  }

  // Communes (code_insee known? centroid when coordinates are missing) and structures of services.
  const kept = () => checked.filter((c) => c.di !== null);
  const codes = [
    ...new Set(
      kept()
        .map((c) => c.di?.code_insee)
        .filter((c): c is string => !!c),
    ),
  ];
  const communes = new Map<string, { latitude: number | null; longitude: number | null }>();
  for (const batch of chunks(codes, READ_BATCH)) {
    const rows = await db
      .selectFrom('communes')
      .select(['code', 'latitude', 'longitude'])
      .where('code', 'in', batch)
      .execute();
    for (const r of rows) communes.set(r.code, { latitude: r.latitude, longitude: r.longitude });
  }
  const knownStructures = new Set<string>();
  if (kind === 'services') {
    const ids = [...new Set(kept().map((c) => (c.di as DiService).structure_id))];
    for (const batch of chunks(ids, READ_BATCH)) {
      const rows = await db
        .selectFrom('catalogue_structures')
        .select('id')
        .where('territory_id', '=', territoryId)
        .where('id', 'in', batch)
        .execute();
      for (const r of rows) knownStructures.add(r.id);
    }
  }
  for (const c of kept()) {
    const di = c.di as DiService | DiStructure;
    if (kind === 'services' && !knownStructures.has((di as DiService).structure_id)) {
      c.issues.push(unknownStructure((di as DiService).structure_id));
    }
    if (di.code_insee && !communes.has(di.code_insee)) c.issues.push(unknownCommune(di.code_insee));
    if (c.issues.some((i) => i.severity === 'erreur')) {
      c.di = null;
      c.outcome = 'rejete';
      continue;
    }
    if (di.latitude === null || di.longitude === null) {
      const centre = di.code_insee ? communes.get(di.code_insee) : undefined;
      if (centre && centre.latitude !== null && centre.longitude !== null) {
        di.latitude = centre.latitude;
        di.longitude = centre.longitude;
        c.issues.push(filledCoordinates());
      } else {
        c.issues.push(missingCoordinates());
      }
    }
  }

  // 2. Compare and write in one transaction.
  const good = kept() as (CheckedRow & { id: string; di: DiService | DiStructure })[];
  const rejected = checked.length - good.length;
  let output: WriteOutput;
  try {
    output = await execute(
      deps,
      writeCatalogueImport,
      { ...base, rows: good.map((c) => ({ id: c.id, di: c.di })), read: checked.length, rejected },
      actor,
      { requestId },
    );
  } catch (error) {
    if (error instanceof DomainError) throw error;
    deps.logger.error({ err: error, kind }, 'catalogue import failed while writing');
    throw new DomainError(
      'conflict',
      'catalogue_import.write_failed',
      'L’enregistrement a échoué : rien n’a été importé (aucune ligne n’a été écrite). Réessayez ; si cela recommence, contactez l’assistance.',
    );
  }

  const totals = { rows: checked.length, created: 0, updated: 0, unchanged: 0, rejected, warnings: 0 };
  const rows: ImportRow[] = [];
  let truncated = false;
  for (const c of checked) {
    const outcome = c.di && c.id ? (output.outcomes.get(c.id) ?? 'inchange') : 'rejete';
    if (outcome === 'cree') totals.created += 1;
    else if (outcome === 'modifie') totals.updated += 1;
    else if (outcome === 'inchange') totals.unchanged += 1;
    if (outcome !== 'rejete' && c.issues.some((i) => i.severity === 'avertissement')) totals.warnings += 1;
    if (outcome === 'inchange' && c.issues.length === 0) continue;
    if (rows.length >= REPORT_ROWS_MAX) {
      truncated = true;
      continue;
    }
    rows.push({ row: c.row, id: c.id, nom: c.nom, outcome, issues: c.issues });
  }
  return {
    kind,
    format: options.format,
    dryRun: options.dryRun,
    applied: !options.dryRun,
    totals,
    rows,
    truncated,
    durationMs: Math.round(performance.now() - started),
  };
}
