import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  ActionStatus,
  AdjustmentGround,
  ContractEndReason,
  ContractStatus,
  ObjectiveStatus,
  PlanTheme,
} from '@spie/contract/contracts';
import type { DiagnosticContent, Path } from '@spie/contract/diagnostics';
import type { TerritorySettings } from '@spie/contract/territories';
import type { Insertable, Transaction } from 'kysely';
import type { DB, WeeklyHours } from '../db/schema';
import { demoAccounts, demoOrganisations } from './demoTerritory.data';
import { addDays, isoDay } from './diagnosticSamples';

/**
 * The engagement contracts of the demo territory (all followed by Thomas Girard, ALI Bobigny –
 * Drancy), written straight in the tables as the contracts module would have left them:
 * - c01: oriented, notified, diagnostic done, no contract (the acceptance journey starts here);
 * - c02: active contract signed 10 weeks ago, hours recorded (some declared by the person), a
 *   childcare waiver (parent isolé sans solution de garde) running for two more months;
 * - c03: proposed, not signed, past the month after the notification (its link expired);
 * - c04: a draft; c05: under revision (review past due, plan changed);
 * - c06: an older CER still running (to convert); c07: a contract ended on a lasting job,
 *   followed by a new active contract whose review is due in three weeks.
 * The signed versions have no PDF (document_id null): the worker renders PDFs for new signatures.
 */
export interface DemoContractPerson {
  personId: string;
  /** As the platform displays it (« Prénom NOM ») and the postal address lines. */
  name: string;
  addressLines: string[];
  orientationId: string;
  path: Path;
  organisationId: string;
  organisationKey: string;
  referent: string | null;
  notifiedDaysAgo: number;
  /** The orientation's signature deadline (ISO day). */
  contractDeadline: string;
  /** The completed diagnostic (version 1), when there is one. */
  diagnostic: { id: string; content: DiagnosticContent } | null;
}

export interface DemoContractsInput {
  territoryId: string;
  /** UTC midnight of the demo's today. */
  today: Date;
  settings: TerritorySettings;
  people: ReadonlyMap<string, DemoContractPerson>;
  account: (lastName: string) => string;
  org: (key: string) => string;
  /** Timeline entry of the journey section (type, summary, author's last name). */
  event: (personId: string, when: Date, type: string, summary: string, by?: string) => void;
}

/** An action of the plan: code of the reference list `action_plan` (its label is read from the list). */
interface ActionSpec {
  code: string;
  /** Days from the contract's start. */
  from: number;
  to: number;
  hours: number;
  status: ActionStatus;
  reason?: string;
  /** Organisation running it (demo organisation key); default: the contract's. */
  org?: string;
}
interface ObjectiveSpec {
  code: string;
  status?: ObjectiveStatus;
  actions: ActionSpec[];
}

interface ContractSpec {
  personKey: string;
  kind?: 'engagement' | 'cer';
  status: ContractStatus;
  /** Days before today. */
  createdDaysAgo: number;
  startDaysAgo: number;
  /** Length in months (end date = start + months). */
  months: number;
  signed?: { daysAgo: number; mode: 'papier' | 'ecran' | 'lien' };
  proposedDaysAgo?: number;
  reviewStartedDaysAgo?: number;
  ended?: { daysAgo: number; reason: ContractEndReason; note: string };
  planChanged?: boolean;
  objectives: ObjectiveSpec[];
  commitments: string[];
  /** Weeks (counted back from the current week) with hours recorded. */
  hoursWeeks?: number;
  /** Share of the planned hours actually done (default: around the plan). */
  hoursRatio?: number;
  waiver?: { ground: AdjustmentGround; fromDaysAgo: number; untilDaysAhead: number; justification: string };
  note?: string;
}

const listFile = () =>
  [
    path.join(import.meta.dirname, '..', '..', 'data', 'referentials', 'action_plan.json'),
    path.join(import.meta.dirname, '..', 'data', 'referentials', 'action_plan.json'),
  ].find((f) => existsSync(f));

/** The shipped list of objectives and actions (labels and themes by code). */
export function loadActionPlanList(): {
  objectives: { code: string; label: string; theme: PlanTheme }[];
  actions: { code: string; label: string; themes: PlanTheme[]; defaultWeeklyHours: number }[];
} {
  const file = listFile();
  if (!file) return { objectives: [], actions: [] };
  const json = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof loadActionPlanList>;
  return {
    objectives: (json.objectives ?? []).filter((o) => !(o as { retired?: boolean }).retired),
    actions: (json.actions ?? []).filter((a) => !(a as { retired?: boolean }).retired),
  };
}

const BOBIGNY_PLACE = 'Agence locale d’insertion, 1 rue de l’Union, 93000 Bobigny';
const COMMITMENTS = [
  'Un rendez-vous avec votre référent toutes les deux semaines.',
  'Une aide pour trouver une solution de garde pour vos enfants.',
  'Le financement de la formation si votre projet est validé.',
];

// biome-ignore format: the demo plans read better one action per line
const contracts: readonly ContractSpec[] = [
  {
    personKey: 'c02-active', status: 'actif', createdDaysAgo: 80, proposedDaysAgo: 75, startDaysAgo: 70, months: 12,
    signed: { daysAgo: 70, mode: 'ecran' }, hoursWeeks: 10, commitments: COMMITMENTS,
    waiver: {
      ground: 'parent_isole_sans_garde', fromDaysAgo: 14, untilDaysAhead: 60,
      justification: 'Pas de place en crèche avant la rentrée ; demande en cours.',
    },
    objectives: [
      { code: 'obj_trouver_une_solution_de_garde_pour_ses', actions: [
        { code: 'act_demande_de_place_en_creche', from: 0, to: 150, hours: 1, status: 'en_cours' },
        { code: 'act_recherche_d_une_assistante_maternelle', from: 0, to: 35, hours: 2, status: 'realisee' },
      ] },
      { code: 'obj_rediger_un_cv_a_jour', actions: [
        { code: 'act_atelier_cv', from: 7, to: 42, hours: 3, status: 'realisee' },
        { code: 'act_simulation_d_entretien_d_embauche', from: 35, to: 110, hours: 2, status: 'en_cours' },
      ] },
      { code: 'obj_entrer_en_formation_qualifiante', actions: [
        { code: 'act_information_collective_sur_une_formation', from: 14, to: 120, hours: 4, status: 'en_cours', org: 'ali-bobigny' },
        { code: 'act_immersion_en_entreprise_pmsmp', from: 130, to: 144, hours: 30, status: 'prevue' },
      ] },
    ],
  },
  {
    personKey: 'c03-proposed-late', status: 'propose', createdDaysAgo: 30, proposedDaysAgo: 25, startDaysAgo: 18, months: 12,
    commitments: COMMITMENTS.slice(0, 1),
    objectives: [
      { code: 'obj_obtenir_le_permis_de_conduire', actions: [
        { code: 'act_inscription_en_auto_ecole_sociale', from: 0, to: 180, hours: 4, status: 'prevue' },
      ] },
      { code: 'obj_chercher_un_emploi_de_facon_reguliere', actions: [
        { code: 'act_recherche_d_offres_d_emploi_accompagnee', from: 0, to: 120, hours: 4, status: 'prevue' },
        { code: 'act_job_dating', from: 30, to: 60, hours: 3, status: 'prevue' },
      ] },
    ],
  },
  {
    personKey: 'c04-draft', status: 'brouillon', createdDaysAgo: 3, startDaysAgo: -7, months: 12,
    commitments: COMMITMENTS.slice(0, 1),
    objectives: [
      { code: 'obj_ameliorer_son_francais_a_l_oral', actions: [
        { code: 'act_inscription_a_un_cours_de_francais', from: 0, to: 180, hours: 6, status: 'prevue' },
      ] },
      { code: 'obj_decouvrir_des_metiers', actions: [
        { code: 'act_atelier_decouverte_des_metiers', from: 0, to: 60, hours: 3, status: 'prevue' },
        { code: 'act_atelier_d_initiation_a_l_ordinateur', from: 0, to: 90, hours: 3, status: 'prevue' },
      ] },
    ],
  },
  {
    personKey: 'c05-revision', status: 'en_revision', createdDaysAgo: 240, proposedDaysAgo: 235, startDaysAgo: 230, months: 12,
    signed: { daysAgo: 230, mode: 'papier' }, reviewStartedDaysAgo: 10, planChanged: true, hoursWeeks: 12,
    commitments: COMMITMENTS.slice(0, 1),
    objectives: [
      { code: 'obj_regler_ou_etaler_ses_dettes', status: 'atteint', actions: [
        { code: 'act_dossier_de_surendettement_a_la_banque_de', from: 0, to: 90, hours: 2, status: 'realisee' },
        { code: 'act_atelier_budget', from: 0, to: 60, hours: 3, status: 'realisee' },
      ] },
      { code: 'obj_retrouver_un_emploi_durable', actions: [
        { code: 'act_candidatures_spontanees', from: 30, to: 300, hours: 6, status: 'en_cours' },
        { code: 'act_club_de_recherche_d_emploi', from: 60, to: 160, hours: 6, status: 'abandonnee_personne',
          reason: 'Horaires incompatibles avec un emploi de nuit trouvé entre-temps.' },
        // Added during the revision (amendment not signed yet).
        { code: 'act_immersion_en_entreprise_pmsmp', from: 235, to: 249, hours: 30, status: 'prevue' },
      ] },
    ],
  },
  {
    personKey: 'c06-legacy-cer', kind: 'cer', status: 'actif', createdDaysAgo: 30, startDaysAgo: 200, months: 12,
    commitments: [], objectives: [],
    note: 'CER signé sur papier avec le département, repris dans SIPE pour l’historique.',
  },
  {
    personKey: 'c07-successor', status: 'termine', createdDaysAgo: 650, proposedDaysAgo: 640, startDaysAgo: 635, months: 12,
    signed: { daysAgo: 635, mode: 'papier' }, commitments: COMMITMENTS.slice(0, 1),
    ended: { daysAgo: 330, reason: 'emploi_durable', note: 'CDI d’agent d’entretien à temps plein.' },
    objectives: [
      { code: 'obj_retrouver_un_emploi_durable', status: 'atteint', actions: [
        { code: 'act_atelier_cv', from: 0, to: 40, hours: 3, status: 'realisee' },
        { code: 'act_mission_en_association_intermediaire', from: 40, to: 280, hours: 10, status: 'realisee' },
      ] },
    ],
  },
  {
    personKey: 'c07-successor', status: 'actif', createdDaysAgo: 170, proposedDaysAgo: 165, startDaysAgo: 161, months: 12,
    signed: { daysAgo: 161, mode: 'ecran' }, hoursWeeks: 8, commitments: COMMITMENTS.slice(0, 1),
    objectives: [
      { code: 'obj_se_maintenir_dans_son_emploi', actions: [
        { code: 'act_accompagnement_dans_l_emploi_apres_l', from: 0, to: 200, hours: 1, status: 'en_cours' },
      ] },
      { code: 'obj_obtenir_une_certification', actions: [
        { code: 'act_formation_sst_sauveteur_secouriste_du', from: 60, to: 200, hours: 7, status: 'en_cours' },
        { code: 'act_recherche_d_offres_d_emploi_accompagnee', from: 0, to: 300, hours: 6, status: 'en_cours' },
      ] },
    ],
  },
  // Issue 6 (systematic review): older CERs still running for some of the people of the alert
  // scenarios (so that « contrat non signé » does not hide what each of them shows).
  ...['r04-no-contact', 'r05-no-contact', 'r06-rsa-suspended', 'r07-siae-ending', 'r08-job-start'].map(
    (personKey, i): ContractSpec => ({
      personKey, kind: 'cer', status: 'actif', createdDaysAgo: 100 + i * 7, startDaysAgo: 150 + i * 20, months: 12,
      commitments: [], objectives: [],
      note: 'CER signé sur papier avec le département, repris dans SIPE pour l’historique.',
    }),
  ),
  // Issue 6 (systematic review): every action ended about 40 days ago, nothing next: « rupture de parcours ».
  {
    personKey: 'r09-journey-gap', status: 'actif', createdDaysAgo: 158, proposedDaysAgo: 155, startDaysAgo: 150, months: 12,
    signed: { daysAgo: 150, mode: 'papier' }, commitments: COMMITMENTS.slice(0, 1),
    objectives: [
      { code: 'obj_rediger_un_cv_a_jour', status: 'atteint', actions: [
        { code: 'act_atelier_cv', from: 0, to: 45, hours: 3, status: 'realisee' },
      ] },
      { code: 'obj_chercher_un_emploi_de_facon_reguliere', actions: [
        { code: 'act_immersion_en_entreprise_pmsmp', from: 96, to: 110, hours: 30, status: 'realisee' },
      ] },
    ],
  },
  // Issue 6: hours well below the plan for weeks (« activité en dessous du plan »).
  {
    personKey: 'r10-below-plan', status: 'actif', createdDaysAgo: 128, proposedDaysAgo: 124, startDaysAgo: 120, months: 12,
    signed: { daysAgo: 120, mode: 'ecran' }, hoursWeeks: 8, hoursRatio: 0.3, commitments: COMMITMENTS.slice(0, 1),
    objectives: [
      { code: 'obj_chercher_un_emploi_de_facon_reguliere', actions: [
        { code: 'act_recherche_d_offres_d_emploi_accompagnee', from: 0, to: 250, hours: 6, status: 'en_cours' },
        { code: 'act_club_de_recherche_d_emploi', from: 14, to: 200, hours: 6, status: 'en_cours' },
      ] },
    ],
  },
];

const DAY_MS = 86_400_000;
/** Monday (UTC) of the week holding `date`. */
const mondayOf = (date: Date) => addDays(date, -((date.getUTCDay() + 6) % 7));
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

export async function insertDemoContracts(trx: Transaction<DB>, input: DemoContractsInput): Promise<number> {
  const { territoryId, today, settings } = input;
  const list = loadActionPlanList();
  const objectiveOf = new Map(list.objectives.map((o) => [o.code, o]));
  const actionOf = new Map(list.actions.map((a) => [a.code, a]));
  // 10:00 Paris (08:00 or 09:00 UTC) on the day `days` before today.
  const at = (days: number, hour = 9) => new Date(addDays(today, -days).getTime() + hour * 3_600_000);
  const day = (days: number) => isoDay(addDays(today, -days));
  const girard = input.account('Girard');
  const girardName = (() => {
    const a = demoAccounts.find((x) => x.lastName === 'Girard');
    return a ? `${a.firstName} ${a.lastName}` : 'Girard';
  })();
  const orgName = (key: string) => demoOrganisations.find((o) => o.key === key)?.name ?? key;
  const thisMonday = mondayOf(today);
  let previousId: string | null = null;
  let count = 0;

  for (const spec of contracts) {
    const who = input.people.get(spec.personKey);
    if (!who) throw new Error(`demo data: no person ${spec.personKey}`);
    const kind = spec.kind ?? 'engagement';
    const startOn = day(spec.startDaysAgo);
    const endOn = addDays(new Date(`${addMonths(startOn, spec.months)}T00:00:00Z`), -1);
    const signedAt = spec.signed ? at(spec.signed.daysAgo, 9) : null;
    const reviewMonths =
      who.path === 'social' ? settings.socialPathReviewMonths : settings.contractReviewMonths;
    const running = spec.signed && spec.startDaysAgo >= 0;
    const reviewDueOn = running ? addMonths(startOn, reviewMonths) : null;
    const updatedDaysAgo = Math.min(
      spec.createdDaysAgo,
      spec.proposedDaysAgo ?? 9999,
      spec.signed?.daysAgo ?? 9999,
      spec.reviewStartedDaysAgo ?? 9999,
      spec.ended?.daysAgo ?? 9999,
    );
    // A successor follows the contract written just before it for the same person.
    const previous: string | null =
      spec.personKey === 'c07-successor' && spec.status !== 'termine' ? previousId : null;
    const { id: contractId } = await trx
      .insertInto('engagement_contracts')
      .values({
        territory_id: territoryId,
        person_id: who.personId,
        kind,
        status: spec.status,
        version: spec.signed ? 1 : 0,
        orientation_id: kind === 'engagement' ? who.orientationId : null,
        path: kind === 'engagement' ? who.path : null,
        organisation_id: who.organisationId,
        referent_account_id: girard,
        start_on: startOn,
        end_on: isoDay(endOn),
        weekly_target_hours: settings.weeklyActivityHours,
        organisation_commitments: JSON.stringify(spec.commitments),
        next_appointment:
          spec.status === 'actif' || spec.status === 'propose' || spec.status === 'en_revision'
            ? JSON.stringify({ at: at(-6, 8).toISOString(), place: BOBIGNY_PLACE })
            : null,
        note: spec.note ?? null,
        review_due_on: spec.ended ? null : reviewDueOn,
        signed_at: signedAt,
        activated_at: running ? signedAt : null,
        plan_changed: spec.planChanged ?? false,
        end_reason: spec.ended?.reason ?? null,
        end_note: spec.ended?.note ?? null,
        ended_at: spec.ended ? at(spec.ended.daysAgo, 14) : null,
        previous_contract_id: previous,
        revision: 3 + spec.objectives.length,
        created_by_account_id: girard,
        created_at: at(spec.createdDaysAgo, 8),
        updated_at: at(updatedDaysAgo, 10),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (previous)
      await trx
        .updateTable('engagement_contracts')
        .set({ next_contract_id: contractId })
        .where('territory_id', '=', territoryId)
        .where('id', '=', previous)
        .execute();
    previousId = contractId;
    count++;

    // --- Plan ---
    const snapshotObjectives: unknown[] = [];
    const running_actions: { id: string; spec: ActionSpec }[] = [];
    for (const [position, o] of spec.objectives.entries()) {
      const ref = objectiveOf.get(o.code);
      const theme = ref?.theme ?? 'trouver_un_emploi';
      const need = needOf(who, theme);
      const { id: objectiveId } = await trx
        .insertInto('contract_objectives')
        .values({
          territory_id: territoryId,
          contract_id: contractId,
          person_id: who.personId,
          position,
          code: ref ? o.code : null,
          label: ref?.label ?? o.code,
          theme,
          need: need ? JSON.stringify(need) : null,
          status: o.status ?? 'en_cours',
          created_at: at(spec.createdDaysAgo, 8),
          updated_at: at(updatedDaysAgo, 10),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const snapshotActions: unknown[] = [];
      for (const [i, a] of o.actions.entries()) {
        const aref = actionOf.get(a.code);
        const plannedStart = day(spec.startDaysAgo - a.from);
        const plannedEnd = day(spec.startDaysAgo - a.to);
        const orgKey = a.org ?? who.organisationKey;
        // Added while under revision: after the last signature.
        const addedLater = spec.status === 'en_revision' && a.status === 'prevue';
        const { id: actionId } = await trx
          .insertInto('contract_actions')
          .values({
            territory_id: territoryId,
            contract_id: contractId,
            objective_id: objectiveId,
            person_id: who.personId,
            position: i,
            code: aref ? a.code : null,
            label: aref?.label ?? a.code,
            responsible_organisation_id: input.org(orgKey),
            planned_start: plannedStart,
            planned_end: plannedEnd,
            planned_weekly_hours: a.hours,
            status: a.status,
            status_reason: a.reason ?? null,
            created_at: at(addedLater ? 5 : spec.createdDaysAgo, 8),
            updated_at: at(addedLater ? 5 : updatedDaysAgo, 10),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!addedLater)
          snapshotActions.push({
            id: actionId,
            objectiveId,
            code: aref ? a.code : null,
            label: aref?.label ?? a.code,
            responsibleOrganisation: { id: input.org(orgKey), name: orgName(orgKey) },
            plannedStart,
            plannedEnd,
            plannedWeeklyHours: a.hours,
            // As signed: the plan's state at the signature.
            status: 'prevue',
            statusReason: null,
            serviceId: null,
            referralId: null,
            hoursDone: 0,
          });
        if (a.status !== 'prevue') running_actions.push({ id: actionId, spec: a });
      }
      snapshotObjectives.push({
        id: objectiveId,
        code: ref ? o.code : null,
        label: ref?.label ?? o.code,
        theme,
        need,
        status: o.status ?? 'en_cours',
        statusReason: null,
        actions: snapshotActions,
      });
    }

    // --- Waiver (recorded with the plan, before the signature) ---
    const adjustments: unknown[] = [];
    if (spec.waiver) {
      const w = spec.waiver;
      const startW = isoDay(mondayOf(addDays(today, -w.fromDaysAgo)));
      const endW = day(-w.untilDaysAhead);
      const { id: adjustmentId } = await trx
        .insertInto('activity_adjustments')
        .values({
          territory_id: territoryId,
          contract_id: contractId,
          person_id: who.personId,
          kind: 'dispense',
          ground: w.ground,
          justification: w.justification,
          hours: 0,
          start_on: startW,
          end_on: endW,
          recorded_by_account_id: girard,
          recorded_at: at(spec.createdDaysAgo - 2, 10),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      adjustments.push({
        id: adjustmentId,
        kind: 'dispense',
        ground: w.ground,
        justification: w.justification,
        hours: 0,
        startOn: startW,
        endOn: endW,
        recordedBy: { accountId: girard, name: girardName },
        recordedAt: at(spec.createdDaysAgo - 2, 10).toISOString(),
      });
    }

    // --- Signed version (no PDF in the demo data: document_id null) ---
    if (spec.signed && signedAt) {
      await trx
        .insertInto('contract_versions')
        .values({
          territory_id: territoryId,
          contract_id: contractId,
          version: 1,
          amendment: false,
          signed_at: signedAt,
          signature_mode: spec.signed.mode,
          channel: spec.signed.mode === 'lien' ? 'sms' : null,
          signed_ip: null,
          recorded_by_account_id: spec.signed.mode === 'lien' ? null : girard,
          // The shape the contracts module freezes (contractSnapshot.ts).
          snapshot: JSON.stringify({
            contractId,
            territoryName: 'Seine-Saint-Denis (démo)',
            kind,
            version: 1,
            amendment: false,
            person: { name: who.name, addressLines: who.addressLines },
            organisation: { name: orgName(who.organisationKey), contact: null },
            referentName: girardName,
            startOn,
            endOn: isoDay(endOn),
            weeklyTargetHours: settings.weeklyActivityHours,
            organisationCommitments: spec.commitments,
            nextAppointment: null,
            objectives: snapshotObjectives,
            adjustments,
            signature: { mode: spec.signed.mode, channel: null, signedAt: signedAt.toISOString() },
          }),
          document_id: null,
        })
        .execute();
    }

    // --- Hours carried out, week by week (Mondays), over the last weeks ---
    if (spec.hoursWeeks && running) {
      const firstMonday = mondayOf(addDays(today, -spec.startDaysAgo + 6));
      const rows: Insertable<WeeklyHours>[] = [];
      for (let w = spec.hoursWeeks - 1; w >= 0; w--) {
        const monday = addDays(thisMonday, -7 * w);
        if (monday < firstMonday) continue;
        const week = isoDay(monday);
        const waived =
          spec.waiver && monday.getTime() >= mondayOf(addDays(today, -spec.waiver.fromDaysAgo)).getTime();
        for (const [n, { id, spec: a }] of running_actions.entries()) {
          const from = addDays(today, -spec.startDaysAgo + a.from);
          const to = addDays(today, -spec.startDaysAgo + a.to);
          if (addDays(monday, 6) < from || monday > to) continue;
          // The current week is not over: only some entries so far; a week skipped now and then.
          if ((w + n) % 5 === 3 || (w === 0 && n % 2 === 1)) continue;
          const declared = (w + n) % 4 === 1;
          const done = waived
            ? Math.min(a.hours, 1)
            : spec.hoursRatio !== undefined
              ? Math.round(a.hours * spec.hoursRatio * 2) / 2
              : Math.max(0, a.hours + (((w * 3 + n) % 5) - 2) * 0.5);
          rows.push({
            territory_id: territoryId,
            action_id: id,
            week_start: week,
            person_id: who.personId,
            contract_id: contractId,
            hours: String(done),
            source: declared ? 'person' : 'referent',
            recorded_by_account_id: declared ? null : girard,
            recorded_at: new Date(
              Math.min(monday.getTime() + 4 * DAY_MS + 15 * 3_600_000, at(0, 0).getTime()),
            ),
          });
        }
      }
      if (rows.length > 0) await trx.insertInto('weekly_hours').values(rows).execute();
    }

    // --- Timeline (journey section, as contracts.timeline.ts words it) ---
    const ev = (daysAgo: number, type: string, summary: string, by: string | undefined = 'Girard') =>
      input.event(who.personId, at(daysAgo, 9), type, summary, by);
    if (kind === 'cer') {
      ev(
        spec.createdDaysAgo,
        'ContractLegacyRecorded',
        `Ancien contrat enregistré : CER (contrat d’engagements réciproques) depuis le ${frenchDate(startOn)}`,
      );
      continue;
    }
    ev(
      spec.createdDaysAgo,
      'ContractCreated',
      `Contrat d’engagement commencé (brouillon, du ${frenchDate(startOn)} au ${frenchDate(isoDay(endOn))})`,
    );
    if (spec.proposedDaysAgo !== undefined)
      ev(spec.proposedDaysAgo, 'ContractProposed', 'Contrat d’engagement proposé à la personne');
    if (spec.signed) {
      const mode = {
        papier: 'signé sur papier, en rendez-vous',
        ecran: 'signé à l’écran, en rendez-vous',
        lien: 'signé à distance, par lien et code',
      }[spec.signed.mode];
      ev(spec.signed.daysAgo, 'ContractSigned', `Contrat d’engagement signé (${mode})`);
      if (running) ev(spec.signed.daysAgo, 'ContractActivated', 'Contrat d’engagement en cours', undefined);
    }
    if (spec.reviewStartedDaysAgo !== undefined)
      ev(
        spec.reviewStartedDaysAgo,
        'ContractReviewStarted',
        'Révision du contrat ouverte : point à six mois',
      );
    if (spec.ended)
      ev(spec.ended.daysAgo, 'ContractEnded', 'Contrat d’engagement terminé : accès à un emploi durable');

    // The proposal's link was sent by SMS and expired unused.
    if (spec.status === 'propose') {
      const person = await trx
        .selectFrom('persons')
        .select('phone_mobile')
        .where('territory_id', '=', territoryId)
        .where('id', '=', who.personId)
        .executeTakeFirstOrThrow();
      const digits = (person.phone_mobile ?? '0600000000').replace(/\D/g, '');
      const sentAt = at(20, 10);
      await trx
        .insertInto('signature_links')
        .values({
          territory_id: territoryId,
          contract_id: contractId,
          person_id: who.personId,
          token_hash: sha256(randomBytes(32).toString('base64url')),
          channel: 'sms',
          sent_to_masked: `${digits.slice(0, 2)} •• •• •• ${digits.slice(-2)}`,
          expires_at: new Date(sentAt.getTime() + settings.signatureLinkDays * DAY_MS),
          sent_by_account_id: girard,
          created_at: sentAt,
        })
        .execute();
    }
  }
  return count;
}

/** The diagnostic need an objective answers (its theme and the level the diagnostic gave it). */
function needOf(who: DemoContractPerson, theme: PlanTheme) {
  const d = who.diagnostic;
  if (!d) return null;
  const constraint = (d.content.constraints as Record<string, { impact: string }>)[theme];
  const axis = (d.content.axes as Record<string, { level: string }>)[theme];
  const level = constraint?.impact ?? axis?.level;
  if (!level || level === 'sans_impact' || level === 'non_explore' || level === 'point_fort') return null;
  return { diagnosticId: d.id, diagnosticVersion: 1, theme, level };
}
