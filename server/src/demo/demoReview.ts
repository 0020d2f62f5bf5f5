import { randomUUID } from 'node:crypto';
import { type AppointmentType, appointmentTypeLabels } from '@spie/contract/appointments';
import { maskNir } from '@spie/contract/people';
import type { Insertable, Transaction } from 'kysely';
import type { DB, PersonContacts } from '../db/schema';
import type { FieldCrypto } from '../kernel/crypto';
import { demoOrganisations } from './demoTerritory.data';
import { addDays, isoDay } from './diagnosticSamples';
import { createRng, generateIdentity, type Rng } from './fictionalIdentities';

/**
 * The systematic review's data in the demo territory (issue 6), written straight in the tables as
 * the appointments and review modules would have left them; the alerts themselves are computed
 * afterwards by the review engine (`recomputeTerritory`, called by ensureDemoTerritory):
 * - appointments of every followed person: the one of their last contact (held), older ones held,
 *   excused or missed, and for most of them the next one this week or next (confirmation sent);
 * - `person_contacts` for every held appointment (and a few calls), `persons.last_contact_at`
 *   recomputed from them; a few « points de situation »;
 * - Thomas Girard's people in each alert situation (demoPeople.data.ts, keys r01–r10) and a young
 *   person of the mission locale of Montreuil turning 26 (r11):
 *   r01 — THE ACCEPTANCE PERSON: contacted 20 days ago, an appointment two days ago still
 *         « prévu »: marking it « absent » opens « Sans contact » (no alert before);
 *   r02, r03 — « Perdu·e de vue » (last contact 130 and 210 days ago, missed appointments since);
 *   r04, r05 — « Sans contact » (68 and 82 days);
 *   r06 — RSA suspended 18 days ago; r07 — SIAE contract (Jardins de Sevran) ending in 40 days;
 *   r08 — a job (CDD) started 35 days ago, last contact before it: the one-month checkpoint;
 *   r09 — every action ended 40 days ago, nothing next (rupture de parcours, demoContracts.ts);
 *   r10 — hours well below the plan for weeks (demoContracts.ts);
 * - « Perdu·e de vue » group of ALI Bobigny – Drancy: 215 lighter records followed by Inès Moreau,
 *   last contact 100–300 days ago, fictional mobile numbers (06 39 98 …) and three invalid ones
 *   (01 00 00 00 0x) that the fake SMS provider reports as invalid: Nadia Haddad's campaign.
 */
export interface DemoReviewInput {
  territoryId: string;
  /** UTC midnight of the demo's today, and the load instant. */
  today: Date;
  now: Date;
  /** Case key (demoPeople.data.ts) → person id. */
  personIdOf: ReadonlyMap<string, string>;
  account: (lastName: string) => string;
  org: (key: string) => string;
  orgOf: (lastName: string) => string;
  usedNirs: Set<string>;
  crypto: FieldCrypto;
  /** Timeline entry (type, section, summary, author's last name). */
  event: (personId: string, when: Date, type: string, section: string, summary: string, by?: string) => void;
}

/** Size of ALI Bobigny's « Perdu·e de vue » group (the campaign of the acceptance). */
export const LOST_GROUP_SIZE = 215;
/** Invalid numbers of the group (the fake SMS provider answers « destinataire invalide »). */
export const INVALID_PHONES = ['0100000000', '0100000001', '0100000002'] as const;

type Status = 'honore' | 'absent' | 'excuse' | 'annule' | 'prevu';
interface Past {
  daysAgo: number;
  status: Status;
  type?: AppointmentType;
}
interface Scenario {
  /** Days before today of the last contact (an appointment held). */
  last: number;
  /** Other past appointments. */
  past?: Past[];
  /** Days ahead of the next appointment (none when null). */
  next?: number | null;
  /** A « point de situation » held with the person at the last contact. */
  review?: boolean;
  /** Who holds the appointments (default Girard). */
  by?: string;
}

// biome-ignore format: one scenario per line
const scenarios: Record<string, Scenario> = {
  'r01-absent-acceptance': { last: 20, past: [{ daysAgo: 2, status: 'prevu', type: 'suivi' }], next: null },
  'r02-lost': { last: 130, past: [{ daysAgo: 160, status: 'honore' }, { daysAgo: 100, status: 'absent' }, { daysAgo: 45, status: 'absent' }], next: null, review: true },
  'r03-lost': { last: 210, past: [{ daysAgo: 240, status: 'honore' }, { daysAgo: 150, status: 'excuse' }], next: null },
  'r04-no-contact': { last: 68, past: [{ daysAgo: 98, status: 'honore' }, { daysAgo: 40, status: 'excuse' }], next: null },
  'r05-no-contact': { last: 82, past: [{ daysAgo: 112, status: 'honore' }, { daysAgo: 30, status: 'absent' }], next: null },
  'r06-rsa-suspended': { last: 12, past: [{ daysAgo: 45, status: 'honore' }], next: 9, review: true },
  'r07-siae-ending': { last: 9, past: [{ daysAgo: 40, status: 'honore' }], next: 4 },
  'r08-job-start': { last: 40, past: [{ daysAgo: 70, status: 'honore' }], next: 8 },
  'r09-journey-gap': { last: 15, past: [{ daysAgo: 48, status: 'honore' }], next: 7, review: true },
  'r10-below-plan': { last: 10, past: [{ daysAgo: 38, status: 'honore' }, { daysAgo: 24, status: 'absent' }], next: 5, review: true },
  'r11-turning-26': { last: 14, past: [{ daysAgo: 44, status: 'honore' }], next: 11, by: 'Cohen' },
};

/** Existing people of Thomas Girard with a recent « point de situation » (the others are due). */
const REVIEWED = new Set(['o01-joint', 'o02', 'c02-active', 'c05-revision', 'c07-successor']);
/** Points de situation made long ago (now due again). */
const OLD_REVIEWS: Record<string, number> = {
  'o11-reoriented': 130,
  'o12-reorientation': 115,
  'r03-lost': 240,
};
/** A phone call between two appointments (a contact too). */
const CALLS: Record<string, number> = { o02: 9, 'c03-proposed-late': 6, 'r06-rsa-suspended': 25 };

const COMMUNE_NAMES: Record<string, string> = {
  '93001': 'Aubervilliers',
  '93005': 'Aulnay-sous-Bois',
  '93008': 'Bobigny',
  '93010': 'Bondy',
  '93029': 'Drancy',
  '93048': 'Montreuil',
  '93055': 'Pantin',
  '93066': 'Saint-Denis',
  '93071': 'Sevran',
};
const addressOf = (orgKey: string) => {
  const o = demoOrganisations.find((x) => x.key === orgKey);
  return o
    ? `${o.addressLine}, ${o.postalCode} ${COMMUNE_NAMES[o.communeCode] ?? ''}`.trim()
    : 'Dans la structure';
};

const OUTCOMES = [
  'Point sur les démarches : CV mis à jour, deux candidatures envoyées.',
  'Dossier de logement complété ensemble ; rendez-vous avec l’assistante sociale pris.',
  'Bilan de l’atelier : motivé·e, souhaite une immersion en entreprise.',
  'Garde d’enfants trouvée pour les matinées ; recherche de formation à poursuivre.',
  'Inscription à l’atelier numérique faite ; prochaine étape : le permis.',
] as const;
const EXCUSES = [
  'Enfant malade, a prévenu la veille.',
  'Rendez-vous médical le même jour.',
  'Entretien d’embauche au même moment.',
] as const;
const SITUATIONS = [
  'Démarches engagées, la personne est présente et motivée ; les freins repérés au diagnostic se lèvent.',
  'Situation stable ; la recherche d’emploi avance, une formation est envisagée.',
  'Situation fragile (logement), accompagnement renforcé convenu pour les deux prochains mois.',
] as const;

/** Formatters built once (building one costs about a millisecond). */
const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const frenchClock = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});

/** UTC instant of a Paris wall-clock time on the day `days` after `today` (UTC midnight). */
export function parisAt(today: Date, days: number, hour: number, minute = 0): Date {
  const day = addDays(today, days);
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  const parts = parisClock.formatToParts(new Date(guess));
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? hour);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? minute);
  const offsetMinutes = h * 60 + m - (hour * 60 + minute);
  return new Date(guess - offsetMinutes * 60_000);
}

const frenchDate = (d: Date) => isoDay(d).split('-').reverse().join('/');
const frenchTime = (d: Date) => frenchClock.format(d);
const lower = (type: AppointmentType) => appointmentTypeLabels[type].toLocaleLowerCase('fr-FR');

export async function insertDemoReview(trx: Transaction<DB>, input: DemoReviewInput): Promise<number> {
  const { territoryId, today, now } = input;
  const rng = createRng(6606);
  const DAY_MS = 86_400_000;
  const daysAgoOf = (d: Date) =>
    Math.round((today.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())) / DAY_MS);
  const person = (key: string) => {
    const id = input.personIdOf.get(key);
    if (!id) throw new Error(`demo data: no person ${key}`);
    return id;
  };

  const appointments: Insertable<DB['appointments']>[] = [];
  const professionals: Insertable<DB['appointment_professionals']>[] = [];
  const contacts: Insertable<PersonContacts>[] = [];
  const reviews: Insertable<DB['situation_reviews']>[] = [];
  const slots = [
    [9, 30],
    [10, 0],
    [11, 0],
    [14, 0],
    [15, 30],
    [16, 0],
  ] as const;

  /** One appointment (and its contact when held); returns its start. */
  const appointment = (
    personId: string,
    by: string,
    days: number,
    status: Status,
    type: AppointmentType,
    options: { mode?: 'sur_place' | 'telephone'; timeline?: boolean } = {},
  ): Date => {
    const [h, m] = rng.pick(slots);
    const startsAt = parisAt(today, days, h, m);
    const id = randomUUID();
    const orgId = input.orgOf(by);
    const orgKey = demoOrganisations.find((o) => input.org(o.key) === orgId)?.key ?? 'ali-bobigny';
    const mode = options.mode ?? (rng.chance(0.2) ? 'telephone' : 'sur_place');
    const bookedAt = new Date(Math.min(now.getTime(), startsAt.getTime() - rng.int(5, 20) * DAY_MS));
    const held = status !== 'prevu' && status !== 'annule';
    appointments.push({
      territory_id: territoryId,
      id,
      person_id: personId,
      organisation_id: orgId,
      type,
      starts_at: startsAt,
      duration_minutes: type === 'point_de_situation' || type === 'accompagnement' ? 45 : 30,
      mode,
      address: mode === 'sur_place' ? addressOf(orgKey) : null,
      visio_url: null,
      status,
      status_reason: status === 'excuse' ? rng.pick(EXCUSES) : null,
      outcome_note: status === 'honore' ? rng.pick(OUTCOMES) : null,
      source: 'manuel',
      confirmation_sent_at: bookedAt,
      reminder_sent_at:
        startsAt.getTime() - 2 * DAY_MS <= now.getTime() ? new Date(startsAt.getTime() - 2 * DAY_MS) : null,
      created_by_account_id: input.account(by),
      created_at: bookedAt,
      updated_at: held ? new Date(startsAt.getTime() + 60 * 60_000) : bookedAt,
    });
    professionals.push({
      territory_id: territoryId,
      appointment_id: id,
      account_id: input.account(by),
      starts_at: startsAt,
    });
    if (status === 'honore')
      contacts.push({
        territory_id: territoryId,
        person_id: personId,
        kind: 'rendez_vous',
        occurred_at: startsAt,
        account_id: input.account(by),
        organisation_id: orgId,
        appointment_id: id,
        recorded_at: new Date(startsAt.getTime() + 60 * 60_000),
      });
    if (options.timeline !== false) {
      const on = `${lower(type)} du ${frenchDate(startsAt)}`;
      if (status === 'prevu')
        input.event(
          personId,
          bookedAt,
          'AppointmentBooked',
          'journey',
          `Rendez-vous pris : ${lower(type)} le ${frenchDate(startsAt)} à ${frenchTime(startsAt)}`,
          by,
        );
      else if (status === 'honore')
        input.event(
          personId,
          startsAt,
          'AppointmentStatusChanged',
          'journey',
          `Rendez-vous honoré : ${on}`,
          by,
        );
      else if (status === 'absent')
        input.event(
          personId,
          startsAt,
          'AppointmentStatusChanged',
          'journey',
          `Absent·e au rendez-vous : ${on}`,
          by,
        );
      else if (status === 'excuse')
        input.event(
          personId,
          startsAt,
          'AppointmentStatusChanged',
          'journey',
          `Rendez-vous excusé : ${on}`,
          by,
        );
    }
    return startsAt;
  };
  const situationReview = (personId: string, by: string, at: Date) => {
    const nextStepOn = addDays(at, rng.int(21, 45));
    reviews.push({
      territory_id: territoryId,
      person_id: personId,
      account_id: input.account(by),
      organisation_id: input.orgOf(by),
      reviewed_on: isoDay(new Date(at.getTime() + 3_600_000)),
      situation: rng.pick(SITUATIONS),
      next_step: 'Prochain rendez-vous de suivi : point sur les candidatures et la formation.',
      next_step_on: isoDay(nextStepOn),
      with_person: true,
      created_at: new Date(at.getTime() + 50 * 60_000),
    });
    input.event(
      personId,
      new Date(at.getTime() + 50 * 60_000),
      'SituationReviewed',
      'journey',
      `Point de situation fait avec la personne — prochaine étape le ${frenchDate(nextStepOn)}`,
      by,
    );
  };

  // --- Who is followed, by whom, since when (the teams demoPeople.ts wrote) ---
  const followed = await trx
    .selectFrom('follow_ups as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.territory_id', '=', 'f.territory_id').onRef('p.id', '=', 'f.person_id'),
    )
    .select(['f.person_id', 'a.last_name', 'f.role', 'f.started_at', 'p.last_contact_at'])
    .where('f.territory_id', '=', territoryId)
    .where('f.status', '=', 'active')
    .orderBy('f.person_id')
    .orderBy('f.role', 'desc')
    .execute();
  const keyOf = new Map([...input.personIdOf].map(([k, id]) => [id, k]));
  const done = new Set<string>();
  let index = 0;
  for (const f of followed) {
    if (done.has(f.person_id)) continue;
    // The référent holds the appointments (else the first team member with an account).
    const main = followed.find((x) => x.person_id === f.person_id && x.role === 'referent') ?? f;
    done.add(f.person_id);
    const key = keyOf.get(f.person_id) ?? '';
    const scenario = scenarios[key];
    const by = scenario?.by ?? main.last_name;
    const since = main.started_at ? daysAgoOf(new Date(main.started_at)) : 30;
    const personId = f.person_id;
    if (scenario) {
      const last = appointment(
        personId,
        by,
        -scenario.last,
        'honore',
        scenario.review ? 'point_de_situation' : 'suivi',
        {
          mode: 'sur_place',
        },
      );
      if (scenario.review) situationReview(personId, by, last);
      for (const p of scenario.past ?? [])
        appointment(personId, by, -p.daysAgo, p.status, p.type ?? 'accompagnement', {
          mode: p.status === 'prevu' ? 'sur_place' : undefined,
        });
      if (scenario.next) appointment(personId, by, scenario.next, 'prevu', 'suivi');
    } else {
      const lastDays = main.last_contact_at ? daysAgoOf(new Date(main.last_contact_at)) : Math.min(since, 10);
      const girard = main.last_name === 'Girard';
      const reviewed = REVIEWED.has(key);
      const last = appointment(personId, by, -lastDays, 'honore', reviewed ? 'point_de_situation' : 'suivi', {
        mode: 'sur_place',
      });
      if (reviewed) situationReview(personId, by, last);
      if (girard) {
        if (since > lastDays + 30) appointment(personId, by, -(lastDays + 28), 'honore', 'accompagnement');
        if (since > lastDays + 60) appointment(personId, by, -(lastDays + 45), 'excuse', 'suivi');
        if (since > lastDays + 80) {
          appointment(personId, by, -(lastDays + 63), 'absent', 'suivi');
          appointment(personId, by, -(lastDays + 75), 'honore', since > 200 ? 'signature' : 'diagnostic');
        }
      }
      // The next appointment, this week or next, for most people.
      if (girard ? index % 5 !== 4 : index % 2 === 0)
        appointment(
          personId,
          by,
          1 + ((index * 3) % 12),
          'prevu',
          index % 3 === 0 ? 'accompagnement' : 'suivi',
        );
    }
    const old = OLD_REVIEWS[key];
    if (old !== undefined) situationReview(personId, by, parisAt(today, -old, 10));
    const call = CALLS[key];
    if (call !== undefined) {
      const at = parisAt(today, -call, 11, 15);
      contacts.push({
        territory_id: territoryId,
        person_id: personId,
        kind: 'appel',
        occurred_at: at,
        account_id: input.account(by),
        organisation_id: input.orgOf(by),
        note: 'Appel pour faire le point sur les démarches en cours.',
        recorded_at: new Date(at.getTime() + 20 * 60_000),
      });
      input.event(personId, at, 'ContactRecorded', 'journey', 'Contact noté : appel téléphonique', by);
    }
    index++;
  }

  // --- Statuses of the scenarios ---
  const day = (days: number) => isoDay(addDays(today, days));
  const status = (
    personId: string,
    kind: string,
    value: string | null,
    start: number,
    details: Record<string, unknown>,
    source: 'manual' | 'caf' = 'manual',
    by?: string,
  ) =>
    trx
      .insertInto('person_statuses')
      .values({
        territory_id: territoryId,
        person_id: personId,
        kind,
        value,
        details: JSON.stringify(details),
        source,
        start_date: day(-start),
        recorded_by_account_id: by ? input.account(by) : null,
        recorded_at: parisAt(today, -Math.max(0, start - 1), 8),
      })
      .execute();
  const endCurrent = (personId: string, kind: string, endDaysAgo: number) =>
    trx
      .updateTable('person_statuses')
      .set({ end_date: day(-endDaysAgo) })
      .where('territory_id', '=', territoryId)
      .where('person_id', '=', personId)
      .where('kind', '=', kind)
      .where('end_date', 'is', null)
      .execute();

  const suspended = person('r06-rsa-suspended');
  await endCurrent(suspended, 'rsa', 19);
  await status(
    suspended,
    'rsa',
    '3',
    18,
    { soumisDroitsEtDevoirs: true, role: 'demandeur', motif: 'Déclaration trimestrielle non reçue' },
    'caf',
  );
  input.event(
    suspended,
    parisAt(today, -17, 8),
    'PersonStatusAdded',
    'situation',
    'Statut ajouté : RSA — droit ouvert et suspendu',
  );
  input.event(suspended, parisAt(today, -17, 8), 'RsaSuspended', 'situation', 'Droit RSA suspendu');

  // SIAE: a CDDI at the Jardins de Sevran for 11 months, ending in 40 days; Camille Robin in the team.
  const siae = person('r07-siae-ending');
  const siaeStart = 295;
  await endCurrent(siae, 'work_situation', siaeStart + 1);
  await status(siae, 'pass_iae', null, siaeStart + 10, { validUntil: day(-siaeStart + 729) });
  await status(
    siae,
    'siae_contract',
    'aci',
    siaeStart,
    { siaeType: 'aci', endDate: day(40), employer: 'Les Jardins de Sevran', heuresHebdomadaires: 26 },
    'manual',
    'Robin',
  );
  await status(siae, 'work_situation', 'contrat_aide', siaeStart, {}, 'manual', 'Girard');
  await trx
    .insertInto('follow_ups')
    .values({
      territory_id: territoryId,
      person_id: siae,
      organisation_id: input.org('aci-jardins'),
      account_id: input.account('Robin'),
      role: 'intervenant',
      status: 'active',
      reason: 'Salarié·e en parcours d’insertion',
      created_at: parisAt(today, -siaeStart, 10),
      started_at: parisAt(today, -siaeStart, 10),
    })
    .execute();
  input.event(
    siae,
    parisAt(today, -siaeStart, 10),
    'SiaeContractStarted',
    'situation',
    `Contrat en structure d’insertion commencé le ${frenchDate(addDays(today, -siaeStart))} (fin prévue le ${frenchDate(addDays(today, 40))})`,
    'Robin',
  );

  // A job started 35 days ago (CDD), the last contact before it.
  const job = person('r08-job-start');
  await endCurrent(job, 'work_situation', 36);
  await status(job, 'work_situation', 'cdd', 35, {}, 'manual', 'Girard');
  input.event(
    job,
    parisAt(today, -34, 9),
    'PersonStatusAdded',
    'situation',
    'Statut ajouté : Situation professionnelle — en cdd',
    'Girard',
  );

  // --- ALI Bobigny – Drancy: people lost from view, followed by Inès Moreau ---
  const lost = await insertLostGroup(trx, input, rng, appointment);

  // --- Write everything, then « last contact » = the latest contact of each person ---
  for (let i = 0; i < appointments.length; i += 500)
    await trx
      .insertInto('appointments')
      .values(appointments.slice(i, i + 500))
      .execute();
  for (let i = 0; i < professionals.length; i += 1000)
    await trx
      .insertInto('appointment_professionals')
      .values(professionals.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < contacts.length; i += 1000)
    await trx
      .insertInto('person_contacts')
      .values(contacts.slice(i, i + 1000))
      .execute();
  if (reviews.length > 0) await trx.insertInto('situation_reviews').values(reviews).execute();
  await trx
    .updateTable('persons as p')
    .set((eb) => ({
      last_contact_at: eb
        .selectFrom('person_contacts as c')
        .select((e) => e.fn.max('c.occurred_at').as('m'))
        .whereRef('c.territory_id', '=', 'p.territory_id')
        .whereRef('c.person_id', '=', 'p.id'),
    }))
    .where('p.territory_id', '=', territoryId)
    .execute();
  return lost;
}

/**
 * Lighter records: identity, RSA open, a référent at ALI Bobigny – Drancy (Inès Moreau), the
 * appointment of the last contact 100–300 days ago (held), sometimes a missed one since.
 */
async function insertLostGroup(
  trx: Transaction<DB>,
  input: DemoReviewInput,
  rng: Rng,
  appointment: (
    personId: string,
    by: string,
    days: number,
    status: Status,
    type: AppointmentType,
    options?: { mode?: 'sur_place' | 'telephone'; timeline?: boolean },
  ) => Date,
): Promise<number> {
  const { territoryId, today } = input;
  const communes = [
    { code: '93008', postalCode: '93000' },
    { code: '93029', postalCode: '93700' },
  ];
  const moreau = input.account('Moreau');
  const ali = input.org('ali-bobigny');
  const persons: Insertable<DB['persons']>[] = [];
  const ids: string[] = [];
  for (let i = 0; i < LOST_GROUP_SIZE; i++) {
    let p = generateIdentity(rng, { communes, today, usedNirs: input.usedNirs, serial: 9000 + i });
    while (Number(today.getUTCFullYear()) - Number(p.birthDate.slice(0, 4)) < 27)
      p = generateIdentity(rng, { communes, today, usedNirs: input.usedNirs, serial: 9000 + i });
    const id = randomUUID();
    ids.push(id);
    const invalid = i < INVALID_PHONES.length ? INVALID_PHONES[i] : undefined;
    const channel = invalid ? 'sms' : i % 20 === 7 ? 'email' : i % 20 === 13 ? 'letter' : 'sms';
    persons.push({
      territory_id: territoryId,
      id,
      civility: p.civility,
      sex: p.sex === 1 ? 'M' : 'F',
      birth_name: p.birthName,
      usage_name: p.usageName,
      first_names: p.firstNames,
      birth_date: p.birthDate,
      birth_country_code: p.birthPlace.countryCode,
      address_line: p.address.line,
      postal_code: p.address.postalCode,
      commune_code: p.address.communeCode,
      phone_mobile: invalid ?? p.phone,
      email: p.email,
      preferred_channel: channel,
      language: 'fr',
      nir_encrypted: input.crypto.encrypt(p.nir),
      nir_index: input.crypto.blindIndex(p.nir),
      nir_masked: maskNir(p.nir),
      benefit_organism: 'caf',
      benefit_matricule: String(2_500_000 + i * 37).padStart(7, '0'),
      household_role: 'demandeur',
      dependent_children: rng.int(0, 3),
      created_at: addDays(today, -rng.int(500, 1000)),
      updated_at: addDays(today, -rng.int(100, 300)),
    });
  }
  await trx.insertInto('persons').values(persons).execute();
  const statuses: Insertable<DB['person_statuses']>[] = [];
  const followUps: Insertable<DB['follow_ups']>[] = [];
  for (const [i, id] of ids.entries()) {
    const created = new Date(persons[i]?.created_at as Date);
    statuses.push({
      territory_id: territoryId,
      person_id: id,
      kind: 'rsa',
      value: '2',
      details: JSON.stringify({ soumisDroitsEtDevoirs: true, role: 'demandeur' }),
      source: 'caf',
      start_date: isoDay(created),
      recorded_at: created,
    });
    const since = addDays(created, rng.int(40, 120));
    followUps.push({
      territory_id: territoryId,
      person_id: id,
      organisation_id: ali,
      account_id: moreau,
      role: 'referent',
      status: 'active',
      created_at: since,
      started_at: since,
    });
    // The last contact, 100–300 days ago (held), sometimes missed appointments since.
    const last = rng.int(100, 300);
    appointment(id, 'Moreau', -last, 'honore', 'suivi', { timeline: false });
    if (rng.chance(0.35))
      appointment(id, 'Moreau', -(last - rng.int(20, 60)), 'absent', 'suivi', { timeline: false });
  }
  await trx.insertInto('person_statuses').values(statuses).execute();
  await trx.insertInto('follow_ups').values(followUps).execute();
  return ids.length;
}
