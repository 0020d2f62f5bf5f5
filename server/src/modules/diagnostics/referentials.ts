import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FieldError } from '@spie/contract';
import { actionPlanContent } from '@spie/contract/contracts';
import {
  cafMappingContent,
  constraintFamilies,
  constraintSituationsContent,
  type ReferentialKind,
  thematiqueMappingContent,
} from '@spie/contract/diagnostics';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { dataDir } from '../../db/referenceData';

/** The contract schema of each reference list's content. */
export const referentialSchemas = {
  constraint_situations: constraintSituationsContent,
  thematique_mapping: thematiqueMappingContent,
  caf_mapping: cafMappingContent,
  action_plan: actionPlanContent,
} as const;
export type ReferentialContent<K extends ReferentialKind> = z.output<(typeof referentialSchemas)[K]>;
export type ConstraintSituations = ReferentialContent<'constraint_situations'>;
export type ThematiqueMapping = ReferentialContent<'thematique_mapping'>;
export type CafMapping = ReferentialContent<'caf_mapping'>;

export interface CurrentReferential<K extends ReferentialKind> {
  kind: K;
  /** 0: the national default shipped in server/data/referentials, not edited by the territory. */
  version: number;
  content: ReferentialContent<K>;
  updatedAt: Date | null;
  updatedBy: string | null;
}

const defaults = new Map<ReferentialKind, unknown>();

/** The national default of a list (server/data/referentials/<kind>.json), checked against the contract. */
export function defaultReferential<K extends ReferentialKind>(kind: K): ReferentialContent<K> {
  let content = defaults.get(kind);
  if (content === undefined) {
    const raw = JSON.parse(readFileSync(path.join(dataDir, 'referentials', `${kind}.json`), 'utf8'));
    content = referentialSchemas[kind].parse(raw);
    defaults.set(kind, content);
  }
  return content as ReferentialContent<K>;
}

let thematiques: ReadonlySet<string> | null = null;

/** Values of the data·inclusion thematiques (server/data/data-inclusion/thematiques.json). */
export function thematiqueValues(): ReadonlySet<string> {
  if (!thematiques) {
    const list = JSON.parse(
      readFileSync(path.join(dataDir, 'data-inclusion', 'thematiques.json'), 'utf8'),
    ) as { value: string }[];
    thematiques = new Set(list.map((t) => t.value));
  }
  return thematiques;
}

/**
 * The list in force for a territory: its latest version, or the national default. Offer
 * matching and the diagnostic read it through here.
 */
export async function currentReferential<K extends ReferentialKind>(
  db: Db,
  territoryId: string,
  kind: K,
): Promise<CurrentReferential<K>> {
  const row = await db
    .selectFrom('reference_lists as r')
    .leftJoin('accounts as a', 'a.id', 'r.created_by_account_id')
    .select([
      'r.version',
      'r.content',
      'r.created_at',
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('created_by_name'),
    ])
    .where('r.territory_id', '=', territoryId)
    .where('r.kind', '=', kind)
    .orderBy('r.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { kind, version: 0, content: defaultReferential(kind), updatedAt: null, updatedBy: null };
  return {
    kind,
    version: row.version,
    // Stored contents were checked against the same schema when published.
    content: row.content as ReferentialContent<K>,
    updatedAt: row.created_at,
    updatedBy: row.created_by_name,
  };
}

/** Situation codes by family, with whether each is retired. */
export function situationIndex(
  list: ConstraintSituations,
): Map<string, { family: string; retired: boolean }> {
  const index = new Map<string, { family: string; retired: boolean }>();
  for (const family of constraintFamilies)
    for (const item of list.families[family]) index.set(item.code, { family, retired: item.retired });
  return index;
}

/**
 * What the schema cannot say about a new version of a list: unique codes, no code dropped
 * (diagnostics refer to them: retire it instead), thematiques that exist, CAF codes that point
 * to situations of the right family.
 */
export function referentialProblems<K extends ReferentialKind>(
  kind: K,
  next: ReferentialContent<K>,
  context: { previous: ReferentialContent<K>; situations: ConstraintSituations },
): FieldError[] {
  const problems: FieldError[] = [];
  if (kind === 'constraint_situations') {
    const list = next as ConstraintSituations;
    const seen = new Set<string>();
    for (const family of constraintFamilies)
      list.families[family].forEach((item, i) => {
        if (seen.has(item.code))
          problems.push({
            path: `families.${family}.${i}.code`,
            message: `Le code « ${item.code} » est déjà utilisé : chaque situation a son propre code.`,
          });
        seen.add(item.code);
      });
    const kept = situationIndex(list);
    for (const [code, was] of situationIndex(context.previous as ConstraintSituations)) {
      const now = kept.get(code);
      if (!now)
        problems.push({
          path: `families.${was.family}`,
          message: `La situation « ${code} » ne peut pas être supprimée (des diagnostics y font référence) : marquez-la comme retirée.`,
        });
      else if (now.family !== was.family)
        problems.push({
          path: `families.${now.family}`,
          message: `La situation « ${code} » ne peut pas changer de famille : retirez-la et créez-en une nouvelle.`,
        });
    }
  }
  if (kind === 'thematique_mapping') {
    const mapping = next as ThematiqueMapping;
    const known = thematiqueValues();
    for (const [group, entries] of [
      ['constraints', mapping.constraints],
      ['axes', mapping.axes],
    ] as const)
      for (const [key, values] of Object.entries(entries))
        values.forEach((value, i) => {
          if (!known.has(value))
            problems.push({
              path: `${group}.${key}.${i}`,
              message: `Thématique inconnue de data·inclusion : « ${value} ».`,
            });
        });
  }
  if (kind === 'caf_mapping') {
    const mapping = next as CafMapping;
    const situations = situationIndex(context.situations);
    const seen = new Set<string>();
    mapping.codes.forEach((entry, i) => {
      const key = `${entry.code}:${entry.value}`;
      if (seen.has(key))
        problems.push({
          path: `codes.${i}.value`,
          message: `${entry.code} ${entry.value} figure deux fois dans la correspondance.`,
        });
      seen.add(key);
      if (entry.situation === null) return;
      const situation = situations.get(entry.situation);
      if (entry.family === null)
        problems.push({
          path: `codes.${i}.family`,
          message: 'Choisissez la famille de freins de cette situation.',
        });
      else if (!situation || situation.family !== entry.family)
        problems.push({
          path: `codes.${i}.situation`,
          message: `Situation inconnue dans la famille « ${entry.family} » : « ${entry.situation} ».`,
        });
    });
  }
  return problems;
}
