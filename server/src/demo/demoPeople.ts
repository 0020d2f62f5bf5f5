import type { DiagnosticContent } from '@spie/contract/diagnostics';
import {
  constraintFamilies,
  type DiagnosticPart,
  diagnosticContent,
  type Path,
  pathLabels,
  professionalAxes,
  recommendPath,
} from '@spie/contract/diagnostics';
import { leadKindLabels, orientationSourceLabels } from '@spie/contract/orientations';
import { maskNir } from '@spie/contract/people';
import type { TerritorySettings } from '@spie/contract/territories';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { FieldCrypto } from '../kernel/crypto';
import { insertDemoCatalogue } from './demoCatalogue';
import { type DemoContractPerson, insertDemoContracts } from './demoContracts';
import { type DemoPersonCase, demoPeopleCases } from './demoPeople.data';
import { insertDemoReview } from './demoReview';
import { demoAccounts, demoOrganisations } from './demoTerritory.data';
import {
  addDays,
  isoDay,
  loadSituationCodes,
  type SituationCodes,
  sampleDiagnostic,
} from './diagnosticSamples';
import { createRng, type FictionalIdentity, generateIdentity } from './fictionalIdentities';

/**
 * Writes the demo people (demoPeople.data.ts) of a freshly created demo territory: identities,
 * RSA statuses, teams, CAF codes, diagnostics, orientations and reorientation requests, straight
 * in the tables (as the modules would have left them), in the caller's transaction.
 */
export interface DemoPeopleInput {
  territoryId: string;
  /** Organisation key → id, and demo account last name → account id. */
  orgIds: ReadonlyMap<string, string>;
  accountIds: ReadonlyMap<string, string>;
  /** Demo account last name → organisation key of their first membership. */
  accountOrgs: ReadonlyMap<string, string>;
  settings: TerritorySettings;
  now: Date;
  crypto: FieldCrypto;
}

const RESIDENCE_POSTAL: Record<string, string> = {
  '93008': '93000',
  '93048': '93100',
  '93066': '93200',
  '93005': '93600',
  '93055': '93500',
  '93001': '93300',
  '93029': '93700',
  '93010': '93140',
};
const communes = Object.entries(RESIDENCE_POSTAL).map(([code, postalCode]) => ({ code, postalCode }));

/** Who designates référents in each receiving organisation (null: designated with the decision). */
const STRUCTURE_MANAGERS: Record<string, string> = {
  'ali-bobigny': 'Haddad',
  'ali-saint-denis': 'Mansouri',
  'ft-bobigny': 'Lefèvre',
  'ml-montreuil': 'Cherif',
};

const demoName = (lastName: string) => {
  const a = demoAccounts.find((x) => x.lastName === lastName);
  return a ? `${a.firstName} ${a.lastName}` : lastName;
};
const orgName = (key: string) => demoOrganisations.find((o) => o.key === key)?.name ?? key;
const pathPart = (p: Path) => `parcours ${pathLabels[p].toLocaleLowerCase('fr-FR')}`;
const frenchDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

const ageOn = (birthDate: string, today: Date) => {
  const [y = 0, m = 1, d = 1] = birthDate.split('-').map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
};

/** 09:00–17:00 (Paris) on the day `days` before today, at a stable minute. */
const at = (today: Date, days: number, hour = 10, minute = 0) =>
  new Date(addDays(today, -days).getTime() + ((hour - 2) * 60 + minute) * 60_000);

export async function insertDemoPeople(trx: Transaction<DB>, input: DemoPeopleInput): Promise<number> {
  const { territoryId, now } = input;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const rng = createRng(9393);
  const diagRng = createRng(939393);
  const situationCodes = loadSituationCodes();
  const known = new Set((await trx.selectFrom('communes').select('code').execute()).map((c) => c.code));
  const org = (key: string) => {
    const id = input.orgIds.get(key);
    if (!id) throw new Error(`demo data: unknown organisation ${key}`);
    return id;
  };
  const account = (lastName: string) => {
    const id = input.accountIds.get(lastName);
    if (!id) throw new Error(`demo data: unknown account ${lastName}`);
    return id;
  };
  const orgOf = (lastName: string) => org(input.accountOrgs.get(lastName) ?? '');
  const manager = account('Benali');
  const usedNirs = new Set<string>();
  /** Timeline entries as the modules write them (same types and summaries). */
  const timeline: {
    territory_id: string;
    person_id: string;
    occurred_at: Date;
    type: string;
    section: string;
    summary: string;
    actor_account_id: string | null;
    organisation_id: string | null;
  }[] = [];
  const event = (personId: string, when: Date, type: string, section: string, summary: string, by?: string) =>
    timeline.push({
      territory_id: territoryId,
      person_id: personId,
      occurred_at: when,
      type,
      section,
      summary,
      actor_account_id: by ? account(by) : null,
      organisation_id: by ? orgOf(by) : null,
    });
  const identityFor = (c: DemoPersonCase): FictionalIdentity => {
    for (;;) {
      const p = generateIdentity(rng, { communes, today, usedNirs });
      const age = ageOn(p.birthDate, today);
      if (c.turns26InDays !== undefined) {
        const n = c.turns26InDays;
        if (
          age === 25 &&
          ageOn(p.birthDate, addDays(today, n - 7)) === 25 &&
          ageOn(p.birthDate, addDays(today, n + 7)) === 26
        )
          return p;
        continue;
      }
      if (c.young ? age >= 18 && age < 26 : age >= 26 && age < 62) return p;
    }
  };

  /** What the contracts of the demo build on, per case key. */
  const contractPeople = new Map<string, DemoContractPerson>();
  /** Case key → person id (the review data of demoReview.ts builds on it). */
  const personIdOf = new Map<string, string>();

  for (const c of demoPeopleCases) {
    const p = identityFor(c);
    const channel = rng.pick(['sms', 'letter', 'sms', 'phone'] as const);
    const infoDay = addDays(today, -c.infoDaysAgo);
    const { id: personId } = await trx
      .insertInto('persons')
      .values({
        territory_id: territoryId,
        civility: p.civility,
        sex: p.sex === 1 ? 'M' : 'F',
        birth_name: p.birthName,
        usage_name: p.usageName,
        first_names: p.firstNames,
        birth_date: p.birthDate,
        birth_commune_code:
          p.birthPlace.communeCode && known.has(p.birthPlace.communeCode) ? p.birthPlace.communeCode : null,
        birth_country_code: p.birthPlace.countryCode,
        address_line: p.address.line,
        postal_code: RESIDENCE_POSTAL[c.commune] ?? p.address.postalCode,
        commune_code: c.commune,
        phone_mobile: p.phone,
        email: p.email,
        preferred_channel: c.preferredChannel ?? channel,
        language: 'fr',
        nir_encrypted: input.crypto.encrypt(p.nir),
        nir_index: input.crypto.blindIndex(p.nir),
        nir_masked: maskNir(p.nir),
        benefit_organism: c.young ? null : 'caf',
        benefit_matricule: c.young ? null : String(2_400_000 + rng.int(0, 99_999)).padStart(7, '0'),
        household_role: c.young ? null : 'demandeur',
        dependent_children: rng.int(0, 3),
        created_at: at(today, c.infoDaysAgo, 9),
        updated_at: at(today, Math.min(c.infoDaysAgo, 2), 11),
        last_contact_at: c.team ? at(today, rng.int(1, 20), 14) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    personIdOf.set(c.key, personId);

    // RSA open and subject to rights and duties since the information arrived; registered with France Travail.
    await trx
      .insertInto('person_statuses')
      .values([
        ...(c.young
          ? []
          : [
              {
                territory_id: territoryId,
                person_id: personId,
                kind: 'rsa',
                value: '2',
                details: JSON.stringify({ soumisDroitsEtDevoirs: true, role: 'demandeur' }),
                source: 'caf',
                start_date: isoDay(infoDay),
                recorded_at: at(today, c.infoDaysAgo, 8),
              },
            ]),
        {
          territory_id: territoryId,
          person_id: personId,
          kind: 'france_travail_registration',
          value: 'inscrit',
          details: JSON.stringify({ categorie: 'A' }),
          source: 'france_travail',
          start_date: isoDay(addDays(infoDay, 2)),
          recorded_at: at(today, Math.max(0, c.infoDaysAgo - 2), 8),
        },
        {
          territory_id: territoryId,
          person_id: personId,
          kind: 'work_situation',
          value: 'sans_emploi',
          details: JSON.stringify({}),
          source: 'manual',
          start_date: isoDay(addDays(infoDay, -rng.int(30, 400))),
          recorded_at: at(today, c.infoDaysAgo, 9),
        },
      ])
      .execute();

    for (const [lastName, role] of c.team ?? []) {
      const started =
        c.orientation.status === 'a_orienter' ? c.infoDaysAgo - 3 : c.orientation.decidedDaysAgo - 5;
      await trx
        .insertInto('follow_ups')
        .values({
          territory_id: territoryId,
          person_id: personId,
          organisation_id: orgOf(lastName),
          account_id: account(lastName),
          role,
          status: 'active',
          reason: role === 'referent' ? null : 'Accompagnement conjoint (diagnostic partagé)',
          created_at: at(today, Math.max(0, started), 10),
          started_at: at(today, Math.max(0, started), 10),
        })
        .execute();
    }

    for (const [code, value] of c.caf ?? []) {
      await trx
        .insertInto('person_caf_socio_pro')
        .values({ territory_id: territoryId, person_id: personId, code, value, received_on: isoDay(infoDay) })
        .execute();
    }

    // --- Diagnostic: version 1, and maybe a draft started from it ---
    let recommendedPath: Path | null = null;
    let diagnostic: DemoContractPerson['diagnostic'] = null;
    if (c.diagnostic) {
      const d = c.diagnostic;
      const completedAt = at(today, d.completedDaysAgo, 15, 30);
      const drawn = sampleDiagnostic(diagRng, {
        archetype: d.archetype,
        on: addDays(today, -d.completedDaysAgo),
        situationCodes,
        notes: 0.6,
      });
      const sample = d.needs
        ? withNeeds(drawn.content, d.needs, situationCodes, addDays(today, -d.completedDaysAgo))
        : drawn;
      recommendedPath = sample.recommendation.path;
      const [first] = d.authors;
      if (!first) throw new Error(`demo data: diagnostic without author (${c.key})`);
      const contributions = (by: string, when: Date) => {
        const entry = { accountId: account(by), organisationId: orgOf(by), at: when.toISOString() };
        const parts: DiagnosticPart[] = [
          'situation',
          'constraints.sante',
          'constraints.logement',
          'constraints.mobilite',
          'constraints.famille',
          'constraints.finances',
          'constraints.numerique',
          'constraints.administratif',
          'constraints.francais',
          'axes',
          'projects',
          'notes',
        ];
        return Object.fromEntries(parts.map((part) => [part, entry]));
      };
      const contrib = contributions(first[0], completedAt);
      // A joint diagnostic: the social professional wrote the constraints they know best.
      const social = d.authors.find(([, field]) => field === 'social');
      if (social && social[0] !== first[0])
        for (const part of [
          'constraints.logement',
          'constraints.famille',
          'constraints.finances',
          'constraints.administratif',
        ])
          contrib[part] = {
            accountId: account(social[0]),
            organisationId: orgOf(social[0]),
            at: completedAt.toISOString(),
          };
      const chosen = d.chosen && d.chosen.path !== sample.recommendation.path ? d.chosen : null;
      const { id: diagnosticId } = await trx
        .insertInto('diagnostics')
        .values({
          territory_id: territoryId,
          person_id: personId,
          version: 1,
          status: 'completed',
          content: JSON.stringify(sample.content),
          recommended_path: sample.recommendation.path,
          recommendation: JSON.stringify(sample.recommendation),
          chosen_path: chosen?.path ?? null,
          chosen_path_reason: chosen?.reason ?? null,
          contributions: JSON.stringify(contrib),
          referential_version: 0,
          revision: 4,
          created_by_account_id: account(first[0]),
          created_by_organisation_id: orgOf(first[0]),
          completed_by_account_id: account(first[0]),
          created_at: at(today, d.completedDaysAgo + 6, 10),
          updated_at: completedAt,
          completed_at: completedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      diagnostic = { id: diagnosticId, content: sample.content };
      event(
        personId,
        completedAt,
        'DiagnosticCompleted',
        'diagnostic',
        `Diagnostic validé (version 1) — parcours recommandé : ${pathLabels[sample.recommendation.path].toLocaleLowerCase('fr-FR')}${
          chosen ? ` ; parcours choisi : ${pathLabels[chosen.path].toLocaleLowerCase('fr-FR')}` : ''
        }`,
        first[0],
      );
      for (const [i, [lastName, field]] of d.authors.entries()) {
        await trx
          .insertInto('diagnostic_authors')
          .values({
            territory_id: territoryId,
            diagnostic_id: diagnosticId,
            account_id: account(lastName),
            organisation_id: orgOf(lastName),
            field,
            confirmed_at: at(today, Math.max(0, d.completedDaysAgo - i), 15, 30 + i * 20),
          })
          .execute();
      }
      if (d.draftBy) {
        // Started from version 1 a few days ago, one part already updated.
        const draftAt = at(today, 3, 11);
        const draftContent = {
          ...sample.content,
          notes: 'Point d’étape : a commencé un atelier CV, le projet de cariste se précise.',
        };
        await trx
          .insertInto('diagnostics')
          .values({
            territory_id: territoryId,
            person_id: personId,
            version: null,
            status: 'draft',
            content: JSON.stringify(draftContent),
            recommended_path: sample.recommendation.path,
            recommendation: JSON.stringify(sample.recommendation),
            contributions: JSON.stringify({
              ...contrib,
              notes: {
                accountId: account(d.draftBy),
                organisationId: orgOf(d.draftBy),
                at: draftAt.toISOString(),
              },
            }),
            referential_version: 0,
            revision: 2,
            created_by_account_id: account(d.draftBy),
            created_by_organisation_id: orgOf(d.draftBy),
            created_at: at(today, 3, 10, 40),
            updated_at: draftAt,
          })
          .execute();
      }
    }

    // --- Orientation ---
    const o = c.orientation;
    const deadline = isoDay(addDays(infoDay, input.settings.orientationDelayDays));
    if (o.status === 'a_orienter') {
      const createdDaysAgo = o.createdDaysAgo ?? Math.max(0, c.infoDaysAgo - 1);
      const createdAt = at(today, createdDaysAgo, 9, 15);
      await trx
        .insertInto('orientations')
        .values({
          territory_id: territoryId,
          person_id: personId,
          status: 'a_orienter',
          source: c.source,
          information_received_on: isoDay(infoDay),
          deadline,
          deadline_past_at_creation: deadline < isoDay(createdAt),
          recommended_path: recommendedPath,
          created_by_account_id: c.source === 'manual' ? manager : null,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .execute();
      event(
        personId,
        createdAt,
        'OrientationStarted',
        'situation',
        `À orienter (${orientationSourceLabels[c.source]}, échéance le ${frenchDate(deadline)})`,
        c.source === 'manual' ? 'Benali' : undefined,
      );
      continue;
    }

    let previousId: string | null = null;
    if (o.replaced) {
      const r = o.replaced;
      const decidedAt = at(today, r.decidedDaysAgo, 11);
      const notifiedAt = at(today, r.decidedDaysAgo - 1, 7);
      const replacedAt = at(today, o.decidedDaysAgo, 11);
      const { id } = await trx
        .insertInto('orientations')
        .values({
          territory_id: territoryId,
          person_id: personId,
          status: 'remplacee',
          source: c.source,
          information_received_on: isoDay(infoDay),
          deadline,
          path: r.path,
          lead_kind: r.leadKind,
          organisation_id: org(r.org),
          decision_reason: `Orientation ${pathLabels[r.path].toLocaleLowerCase('fr-FR')} vers ${leadKindLabels[r.leadKind]}.`,
          decided_by_account_id: manager,
          decided_at: decidedAt,
          notified_at: notifiedAt,
          contract_deadline: isoDay(addDays(notifiedAt, input.settings.contractSignatureDelayDays)),
          referent_account_id: account(r.referent),
          assigned_at: at(today, r.decidedDaysAgo - 8, 10),
          ended_at: replacedAt,
          end_reason: 'Remplacée par une réorientation acceptée.',
          created_at: at(today, c.infoDaysAgo - 1, 9),
          updated_at: replacedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      previousId = id;
      event(
        personId,
        decidedAt,
        'OrientationDecided',
        'situation',
        `Orientation décidée : ${pathPart(r.path)}, ${orgName(r.org)}`,
        'Benali',
      );
      event(
        personId,
        notifiedAt,
        'OrientationNotified',
        'situation',
        'Décision d’orientation notifiée (courrier postal)',
      );
      event(
        personId,
        at(today, r.requestedDaysAgo, 16),
        'ReorientationRequested',
        'situation',
        `Réorientation demandée vers le ${pathPart(o.path)}`,
        r.referent,
      );
      event(
        personId,
        replacedAt,
        'OrientationReplaced',
        'situation',
        'Orientation remplacée par une réorientation',
      );
      // The previous référent's follow-up ended with the reorientation.
      await trx
        .insertInto('follow_ups')
        .values({
          territory_id: territoryId,
          person_id: personId,
          organisation_id: orgOf(r.referent),
          account_id: account(r.referent),
          role: 'referent',
          status: 'ended',
          end_reason: 'Réorientation',
          created_at: at(today, r.decidedDaysAgo - 8, 10),
          started_at: at(today, r.decidedDaysAgo - 8, 10),
          ended_at: replacedAt,
        })
        .execute();
    }

    const decidedAt = at(today, o.decidedDaysAgo, 11);
    const notifiedAt = at(today, Math.max(0, o.decidedDaysAgo - 1), 7);
    const assigned = o.status === 'referent_designe' && o.referent;
    const contractDeadline = isoDay(addDays(notifiedAt, input.settings.contractSignatureDelayDays));
    const { id: orientationId } = await trx
      .insertInto('orientations')
      .values({
        territory_id: territoryId,
        person_id: personId,
        status: o.status,
        source: previousId ? 'reorientation' : c.source,
        information_received_on: previousId ? null : isoDay(infoDay),
        deadline: previousId ? null : deadline,
        recommended_path: recommendedPath,
        path: o.path,
        lead_kind: o.leadKind,
        organisation_id: org(o.org),
        proposed_referent_account_id: o.proposedReferent ? account(o.proposedReferent) : null,
        decision_reason: o.reason,
        decided_by_account_id: manager,
        decided_at: decidedAt,
        notified_at: notifiedAt,
        contract_deadline: contractDeadline,
        referent_account_id: assigned ? account(o.referent as string) : null,
        assigned_by_account_id:
          assigned && STRUCTURE_MANAGERS[o.org] ? account(STRUCTURE_MANAGERS[o.org] as string) : null,
        assigned_at: assigned ? at(today, Math.max(0, o.decidedDaysAgo - 5), 10) : null,
        previous_orientation_id: previousId,
        created_by_account_id: previousId ? manager : null,
        created_at: previousId ? decidedAt : at(today, c.infoDaysAgo - 1, 9),
        updated_at: assigned ? at(today, Math.max(0, o.decidedDaysAgo - 5), 10) : notifiedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    contractPeople.set(c.key, {
      personId,
      name: `${p.firstNames[0] ?? ''} ${(p.usageName ?? p.birthName).toLocaleUpperCase('fr-FR')}`,
      addressLines: [p.address.line, RESIDENCE_POSTAL[c.commune] ?? p.address.postalCode],
      orientationId,
      path: o.path,
      organisationId: org(o.org),
      organisationKey: o.org,
      referent: assigned ? (o.referent as string) : null,
      notifiedDaysAgo: Math.max(0, o.decidedDaysAgo - 1),
      contractDeadline,
      diagnostic,
    });
    // As a real decision does: the receiving organisation follows the person (its structure
    // manager sees the record to assign a référent).
    await trx
      .insertInto('follow_ups')
      .values({
        territory_id: territoryId,
        person_id: personId,
        organisation_id: org(o.org),
        account_id: null,
        role: 'intervenant',
        // Ended once the organisation named the référent (need to know), as the real flow does.
        status: assigned ? 'ended' : 'active',
        reason: 'Orientation',
        end_reason: assigned ? 'Référent·e unique désigné·e' : null,
        created_by_account_id: manager,
        created_at: decidedAt,
        started_at: decidedAt,
        ended_at: assigned ? at(today, Math.max(0, o.decidedDaysAgo - 5), 10) : null,
      })
      .execute();

    event(
      personId,
      decidedAt,
      previousId ? 'ReorientationAccepted' : 'OrientationDecided',
      'situation',
      `${previousId ? 'Réorientation acceptée' : 'Orientation décidée'} : ${pathPart(o.path)}, ${orgName(o.org)}`,
      'Benali',
    );
    event(
      personId,
      notifiedAt,
      'OrientationNotified',
      'situation',
      'Décision d’orientation notifiée (courrier postal)',
    );
    if (assigned)
      event(
        personId,
        at(today, Math.max(0, o.decidedDaysAgo - 5), 10),
        'OrientationReferentAssigned',
        'situation',
        `Référent·e unique désigné·e : ${demoName(o.referent as string)}`,
        STRUCTURE_MANAGERS[o.org],
      );
    if (o.replaced && previousId) {
      const r = o.replaced;
      await trx
        .insertInto('reorientation_requests')
        .values({
          territory_id: territoryId,
          orientation_id: previousId,
          person_id: personId,
          status: 'acceptee',
          reason: r.requestReason,
          proposed_path: o.path,
          proposed_lead_kind: o.leadKind,
          proposed_organisation_id: org(o.org),
          requested_by_account_id: account(r.referent),
          requested_by_organisation_id: orgOf(r.referent),
          requested_at: at(today, r.requestedDaysAgo, 16),
          answered_by_account_id: manager,
          answered_at: decidedAt,
          answer_reason: o.reason,
          new_orientation_id: orientationId,
        })
        .execute();
    }
    if (c.pendingReorientation) {
      const r = c.pendingReorientation;
      event(
        personId,
        at(today, r.daysAgo, 17),
        'ReorientationRequested',
        'situation',
        `Réorientation demandée vers le ${pathPart(r.proposedPath)}`,
        r.by,
      );
      await trx
        .insertInto('reorientation_requests')
        .values({
          territory_id: territoryId,
          orientation_id: orientationId,
          person_id: personId,
          status: 'demandee',
          reason: r.reason,
          proposed_path: r.proposedPath,
          proposed_lead_kind: r.proposedLeadKind,
          proposed_organisation_id: org(r.proposedOrg),
          requested_by_account_id: account(r.by),
          requested_by_organisation_id: orgOf(r.by),
          requested_at: at(today, r.daysAgo, 17),
        })
        .execute();
    }
  }
  await insertDemoContracts(trx, {
    territoryId,
    today,
    settings: input.settings,
    people: contractPeople,
    account,
    org,
    event: (personId, when, type, summary, by) => event(personId, when, type, 'journey', summary, by),
  });
  const reviewPeople = await insertDemoReview(trx, {
    territoryId,
    today,
    now,
    personIdOf,
    account,
    org,
    orgOf,
    usedNirs,
    crypto: input.crypto,
    event: (personId, when, type, section, summary, by) => event(personId, when, type, section, summary, by),
  });
  await insertDemoCatalogue(trx, { territoryId, today, now, personIdOf, account, org, event });
  if (timeline.length > 0) await trx.insertInto('timeline_events').values(timeline).execute();
  return demoPeopleCases.length + reviewPeople;
}

/**
 * A drawn diagnostic changed to show exactly the needs asked for: the other constraint families
 * without impact, the other axes not explored; checked by the contract and recommended again.
 */
function withNeeds(
  drawn: DiagnosticContent,
  needs: NonNullable<NonNullable<DemoPersonCase['diagnostic']>['needs']>,
  codes: SituationCodes,
  on: Date,
) {
  const constraints = Object.fromEntries(
    constraintFamilies.map((family) => {
      const impact = needs.constraints[family] ?? 'sans_impact';
      const was = drawn.constraints[family];
      const hasImpact = impact === 'fort' || impact === 'moyen';
      const situations = hasImpact
        ? was.situations.length > 0
          ? was.situations
          : (codes[family] ?? []).slice(0, 1)
        : [];
      const note = hasImpact && family !== 'sante' && was.note ? was.note : null;
      return [family, { impact, situations, note }];
    }),
  );
  const axes = Object.fromEntries(
    professionalAxes.map((axis) => [axis, { level: needs.axes[axis] ?? 'non_explore', note: null }]),
  );
  const famille = needs.constraints.famille;
  const content = diagnosticContent.parse({
    ...drawn,
    situation: { ...drawn.situation, childcareNeed: famille === 'fort' || famille === 'moyen' },
    constraints,
    axes,
  });
  return { content, recommendation: recommendPath(content, on) };
}
