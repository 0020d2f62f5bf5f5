import type { CafSocioProCode, DiagnosticContent } from '@spie/contract/diagnostics';
import type { Db } from '../../db/database';
import type { CafMapping } from './referentials';

const IN_WORK = new Set(['cdi', 'cdd', 'interim', 'contrat_aide', 'independant']);

/**
 * Fills what the person's record already says plainly, leaving what is set: the current work
 * situation, when the last job ended (an employment status that ended), an RQTH in force.
 */
export async function prefillFromStatuses(
  db: Db,
  territoryId: string,
  personId: string,
  today: string,
  content: DiagnosticContent,
): Promise<DiagnosticContent> {
  const statuses = await db
    .selectFrom('person_statuses')
    .select(['kind', 'value', 'start_date', 'end_date'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('kind', 'in', ['work_situation', 'rqth'])
    .where('start_date', '<=', today)
    .orderBy('start_date', 'desc')
    .execute();
  const inForce = statuses.filter((s) => s.end_date === null || s.end_date >= today);
  const next = structuredClone(content);
  const s = next.situation;
  const work = inForce.find((x) => x.kind === 'work_situation');
  if (s.workSituation === null && work?.value)
    s.workSituation = work.value as DiagnosticContent['situation']['workSituation'];
  if (s.lastJobEndedOn === null && (!work?.value || !IN_WORK.has(work.value))) {
    const lastJob = statuses.find(
      (x) =>
        x.kind === 'work_situation' && x.value && IN_WORK.has(x.value) && x.end_date && x.end_date < today,
    );
    if (lastJob?.end_date) s.lastJobEndedOn = lastJob.end_date;
  }
  if (s.rqth === null && inForce.some((x) => x.kind === 'rqth')) s.rqth = 'yes';
  return next;
}

export interface CafCode {
  code: CafSocioProCode;
  value: string;
  receivedOn: string;
}

/** The person's CAF socio-professional codes: per code, those of its latest reception. */
export async function personCafCodes(db: Db, territoryId: string, personId: string): Promise<CafCode[]> {
  const rows = await db
    .selectFrom('person_caf_socio_pro')
    .select(['code', 'value', 'received_on'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .orderBy('code')
    .orderBy('received_on', 'desc')
    .orderBy('value')
    .execute();
  const latest = new Map<string, string>();
  for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r.received_on);
  return rows
    .filter((r) => latest.get(r.code) === r.received_on)
    .map((r) => ({ code: r.code as CafSocioProCode, value: r.value, receivedOn: r.received_on }));
}

export const cafLabel = (mapping: CafMapping, code: string, value: string) =>
  mapping.codes.find((m) => m.code === code && m.value === value)?.label ??
  `${code} ${value} (code non répertorié)`;
