import type {
  AuthorField,
  Diagnostic,
  DiagnosticContent,
  DiagnosticVersionSummary,
  Path,
  Recommendation,
} from '@spie/contract/diagnostics';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { Diagnostics } from '../../db/schema';

export type DiagnosticRow = Selectable<Diagnostics>;

/** What `diagnostics.contributions` stores per part: ids only, names are resolved when read. */
export interface StoredContribution {
  accountId: string;
  organisationId: string | null;
  at: string;
}
export type StoredContributions = Record<string, StoredContribution>;

export interface AuthorRow {
  diagnosticId: string;
  accountId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  field: AuthorField;
  confirmedAt: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function loadDraftRow(
  db: Db,
  territoryId: string,
  personId: string,
): Promise<DiagnosticRow | undefined> {
  return db
    .selectFrom('diagnostics')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export async function loadVersionRow(
  db: Db,
  territoryId: string,
  personId: string,
  version: number,
): Promise<DiagnosticRow | undefined> {
  return db
    .selectFrom('diagnostics')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Completed versions, latest first. */
export async function loadVersionRows(
  db: Db,
  territoryId: string,
  personId: string,
): Promise<DiagnosticRow[]> {
  return db
    .selectFrom('diagnostics')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', '=', 'completed')
    .orderBy('version', 'desc')
    .execute();
}

/** Authors of several diagnostics, with names, in one query. */
export async function loadAuthors(
  db: Db,
  territoryId: string,
  diagnosticIds: string[],
): Promise<AuthorRow[]> {
  if (diagnosticIds.length === 0) return [];
  const rows = await db
    .selectFrom('diagnostic_authors as da')
    .innerJoin('accounts as a', 'a.id', 'da.account_id')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'da.territory_id').onRef('o.id', '=', 'da.organisation_id'),
    )
    .select([
      'da.diagnostic_id',
      'da.account_id',
      'a.first_name',
      'a.last_name',
      'da.organisation_id',
      'o.name as organisation_name',
      'da.field',
      'da.confirmed_at',
    ])
    .where('da.territory_id', '=', territoryId)
    .where('da.diagnostic_id', 'in', diagnosticIds)
    .orderBy('da.confirmed_at')
    .orderBy('da.account_id')
    .execute();
  return rows.map((r) => ({
    diagnosticId: r.diagnostic_id,
    accountId: r.account_id,
    name: `${r.first_name} ${r.last_name}`,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    field: r.field as AuthorField,
    confirmedAt: iso(r.confirmed_at),
  }));
}

/** A joint diagnostic: signed by a professional of the social field and one of employment. */
export const isJoint = (authors: Pick<AuthorRow, 'accountId' | 'field'>[]) => {
  const social = authors.filter((a) => a.field === 'social').map((a) => a.accountId);
  const employment = authors.filter((a) => a.field === 'employment').map((a) => a.accountId);
  return social.some((s) => employment.some((e) => e !== s));
};

const contributionsOf = (row: DiagnosticRow) => (row.contributions ?? {}) as unknown as StoredContributions;

/** Diagnostics in the contract's shape: authors and contributors named in three queries in all. */
export async function toDiagnostics(
  db: Db,
  territoryId: string,
  rows: DiagnosticRow[],
): Promise<Diagnostic[]> {
  const authors = await loadAuthors(
    db,
    territoryId,
    rows.filter((r) => r.status === 'completed').map((r) => r.id),
  );
  const accountIds = new Set<string>();
  const organisationIds = new Set<string>();
  for (const row of rows)
    for (const c of Object.values(contributionsOf(row))) {
      accountIds.add(c.accountId);
      if (c.organisationId) organisationIds.add(c.organisationId);
    }
  const accounts = new Map(
    accountIds.size === 0
      ? []
      : (
          await db
            .selectFrom('accounts')
            .select(['id', 'first_name', 'last_name'])
            .where('id', 'in', [...accountIds])
            .execute()
        ).map((a) => [a.id, `${a.first_name} ${a.last_name}`]),
  );
  const organisations = new Map(
    organisationIds.size === 0
      ? []
      : (
          await db
            .selectFrom('organisations')
            .select(['id', 'name'])
            .where('territory_id', '=', territoryId)
            .where('id', 'in', [...organisationIds])
            .execute()
        ).map((o) => [o.id, o.name]),
  );
  return rows.map((row) => {
    const own = authors
      .filter((a) => a.diagnosticId === row.id)
      .map(({ diagnosticId: _, ...author }) => author);
    const contributions: Diagnostic['contributions'] = {};
    for (const [part, c] of Object.entries(contributionsOf(row))) {
      contributions[part] = {
        accountId: c.accountId,
        name: accounts.get(c.accountId) ?? '',
        organisationId: c.organisationId,
        organisationName: c.organisationId ? (organisations.get(c.organisationId) ?? null) : null,
        at: c.at,
      };
    }
    return {
      id: row.id,
      personId: row.person_id,
      version: row.version,
      status: row.status as Diagnostic['status'],
      content: row.content as DiagnosticContent,
      recommendation: row.recommendation as Recommendation,
      chosenPath: row.chosen_path as Path | null,
      chosenPathReason: row.chosen_path_reason,
      authors: own,
      jointlyValidated: isJoint(own),
      contributions,
      referentialVersion: row.referential_version,
      revision: row.revision,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      completedAt: row.completed_at ? iso(row.completed_at) : null,
    };
  });
}

export async function toDiagnostic(db: Db, territoryId: string, row: DiagnosticRow): Promise<Diagnostic> {
  const [one] = await toDiagnostics(db, territoryId, [row]);
  if (!one) throw new Error('unreachable: one row in, one diagnostic out');
  return one;
}

/** Summaries of completed versions (the history list). */
export async function versionSummaries(
  db: Db,
  territoryId: string,
  rows: DiagnosticRow[],
): Promise<DiagnosticVersionSummary[]> {
  const authors = await loadAuthors(
    db,
    territoryId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = authors
      .filter((a) => a.diagnosticId === row.id)
      .map(({ diagnosticId: _, ...author }) => author);
    return {
      id: row.id,
      version: row.version ?? 0,
      completedAt: iso(row.completed_at ?? row.updated_at),
      recommendedPath: row.recommended_path as Path,
      chosenPath: row.chosen_path as Path | null,
      authors: own,
      jointlyValidated: isJoint(own),
    };
  });
}

/** The path of the latest completed version: the one chosen if the authors departed from the recommendation. */
export async function latestRecommendedPath(
  db: Db,
  territoryId: string,
  personId: string,
): Promise<Path | null> {
  const row = await db
    .selectFrom('diagnostics')
    .select(['recommended_path', 'chosen_path'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', '=', 'completed')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? ((row.chosen_path ?? row.recommended_path) as Path) : null;
}
