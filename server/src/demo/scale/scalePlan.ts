import { maskNir } from '@spie/contract/people';
import type { FieldCrypto } from '../../kernel/crypto';
import {
  type CommuneRef,
  createRng,
  type FictionalIdentity,
  generateIdentities,
  type Rng,
} from '../fictionalIdentities';
import type { ReferentClass } from './scaleTerritory';

/**
 * The people of the scale territory, computed in JavaScript from the seed number (same seed,
 * same people, same teams, same statuses). Rows are plain objects named like the columns, sent
 * to the database as JSON recordsets. Timeline events and documents, the bulk, are generated
 * by SQL from the per-person `journeys` below (see scaleSql.ts).
 */

export interface Counsellor {
  accountId: string;
  organisationId: string;
  cls: ReferentClass;
  /** Relative caseload (250–300): the class's people are shared in proportion. */
  weight: number;
}

export interface SiaeStaff {
  accountId: string;
  organisationId: string;
  siaeType: 'aci' | 'ai' | 'ei' | 'etti';
  organisationName: string;
}

export interface PlanInput {
  seed: number;
  people: number;
  territoryId: string;
  /** Reference day (UTC): histories run over the two years before it. */
  today: Date;
  communes: readonly CommuneRef[];
  /** Commune codes of the reference table (birth places outside it are left empty). */
  knownCommunes: ReadonlySet<string>;
  counsellors: readonly Counsellor[];
  /** The bench counsellor and their référent quota (people), taken out of their class. */
  benchCounsellor: { accountId: string; quota: number };
  siaeStaff: readonly SiaeStaff[];
  partners: readonly { organisationId: string; weight: number }[];
  /** The PLIE: its participants get a `plie` status. */
  plieOrganisationId: string;
  crypto: FieldCrypto;
}

export type Category = 'rsa' | 'youth' | 'rqth' | 'siae';

type Row = Record<string, unknown>;

export interface Journey {
  id: string;
  /** Account and organisation of the active référent (actor of most timeline entries). */
  acc: string;
  org: string;
  /** Timeline entries and documents to generate. */
  k: number;
  d: number;
  /** Start of the visible history (ISO timestamp, 08:00 UTC) and its length in days. */
  s: string;
  days: number;
}

export interface ScalePlan {
  persons: Row[];
  statuses: Row[];
  followUps: Row[];
  information: Row[];
  consents: Row[];
  notes: Row[];
  journeys: Journey[];
  /** Index of each person's partner in `persons`, or -1 (households are never split across batches). */
  partnerIndex: number[];
  categories: Record<Category, number>;
}

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;

const pad = (n: number | string, width: number) => String(n).padStart(width, '0');
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isoAt = (day: number, seconds: number) => new Date(day * DAY_MS + seconds * 1000).toISOString();

/** An RFC 9562 version-4 UUID drawn from the seeded generator (ids are deterministic too). */
export function uuidFrom(rng: Rng): string {
  const hex = (n: number) => pad(Math.floor(n).toString(16), 8);
  const a = hex(rng.next() * 2 ** 32);
  const b = hex(rng.next() * 2 ** 32);
  const c = hex(rng.next() * 2 ** 32);
  const d = hex(rng.next() * 2 ** 32);
  const variant = ((Number.parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Fisher–Yates with the seeded generator. */
function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}

/** Splits `total` into integer quotas proportional to the weights (largest remainder). */
export function quotas(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** Deals `items` to owners according to quotas, in a shuffled order. */
function deal<T, O>(
  rng: Rng,
  items: readonly T[],
  owners: readonly O[],
  weights: readonly number[],
): Map<T, O> {
  const q = quotas(items.length, weights);
  const slots: O[] = [];
  owners.forEach((o, i) => {
    for (let n = 0; n < (q[i] ?? 0); n++) slots.push(o);
  });
  shuffle(rng, slots);
  const out = new Map<T, O>();
  items.forEach((item, i) => {
    const owner = slots[i];
    if (owner !== undefined) out.set(item, owner);
  });
  return out;
}

function weightedPick<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of entries) {
    x -= w;
    if (x < 0) return item;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

const ageOn = (birthDate: string, today: Date) => {
  const [y = 0, m = 1, d = 1] = birthDate.split('-').map(Number);
  const t = today;
  let age = t.getUTCFullYear() - y;
  if (t.getUTCMonth() + 1 < m || (t.getUTCMonth() + 1 === m && t.getUTCDate() < d)) age--;
  return age;
};

// biome-ignore format: a dense reference list reads better than one entry per line
const sensitiveTexts: readonly (readonly ['health' | 'justice' | 'violence', string])[] = [
  ['health', 'Suivi médical en cours, limite les stations debout prolongées.'],
  ['health', 'Soins réguliers à l’hôpital le mardi matin : éviter les rendez-vous ce jour-là.'],
  ['health', 'Accompagnement en addictologie engagé, avec l’accord de la personne.'],
  ['justice', 'Obligation de pointage hebdomadaire au SPIP jusqu’à la fin de l’année.'],
  ['justice', 'Sortie de détention récente : accompagnement renforcé convenu.'],
  ['violence', 'Hébergement en urgence après violences conjugales : ne pas communiquer l’adresse.'],
];

const workAfter = [
  ['cdd', 30],
  ['interim', 25],
  ['contrat_aide', 10],
  ['formation', 20],
  ['cdi', 8],
  ['independant', 7],
] as const;

export function buildScalePlan(input: PlanInput): ScalePlan {
  const { seed, people: count, territoryId, today } = input;
  const todayDay = Math.floor(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) / DAY_MS,
  );
  const historyStart = todayDay - HISTORY_DAYS;
  // Separate streams, so a change in one phase does not reshuffle the others.
  const rng = createRng(seed ^ 0x5ca1e);
  const ids = createRng(seed ^ 0x1d5);
  const teamRng = createRng(seed ^ 0x7ea3);
  const statusRng = createRng(seed ^ 0x57a7);

  const identities = generateIdentities(seed, count, { communes: input.communes, today });
  const personIds = identities.map(() => uuidFrom(ids));

  // --- Categories: youth (under 26), RQTH (Cap emploi), SIAE employees, RSA households ---
  const rqthTarget = Math.round((count * 16) / 340);
  const siaeTarget = Math.round(count * 0.045);
  const categories: Category[] = identities.map((p) => (ageOn(p.birthDate, today) < 26 ? 'youth' : 'rsa'));
  const adults = categories.flatMap((c, i) => (c === 'rsa' ? [i] : []));
  shuffle(rng, adults);
  for (const i of adults.slice(0, rqthTarget)) categories[i] = 'rqth';
  for (const i of adults.slice(rqthTarget, rqthTarget + siaeTarget)) categories[i] = 'siae';
  const receivesRsa = categories.map(
    (c) => c === 'rsa' || (c === 'siae' && rng.chance(0.4)) || (c === 'rqth' && rng.chance(0.3)),
  );

  // --- Households: some RSA demandeurs live with a partner who is also in the file ---
  const partnerOf = new Array<number>(count).fill(-1);
  const role: ('demandeur' | 'conjoint' | null)[] = receivesRsa.map((r) => (r ? 'demandeur' : null));
  for (let i = 0; i < count; i++) {
    if (categories[i] !== 'rsa' || partnerOf[i] !== -1 || role[i] !== 'demandeur' || !rng.chance(0.3))
      continue;
    const sex = identities[i]?.sex;
    for (let j = i + 1; j < Math.min(count, i + 60); j++) {
      if (categories[j] === 'rsa' && partnerOf[j] === -1 && identities[j]?.sex !== sex) {
        partnerOf[i] = j;
        partnerOf[j] = i;
        role[j] = 'conjoint';
        break;
      }
    }
  }

  // --- Référent class per person, so every counsellor ends up with 250–300 people ---
  const classCount = new Map<ReferentClass, number>();
  for (const c of input.counsellors) classCount.set(c.cls, (classCount.get(c.cls) ?? 0) + 1);
  const totalCounsellors = input.counsellors.length;
  const target = (cls: ReferentClass) => Math.round((count * (classCount.get(cls) ?? 0)) / totalCounsellors);
  const cls = new Array<ReferentClass>(count);
  const assigned = new Map<ReferentClass, number>();
  const put = (i: number, c: ReferentClass) => {
    cls[i] = c;
    assigned.set(c, (assigned.get(c) ?? 0) + 1);
  };
  const rsaPeople: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = categories[i];
    if (c === 'youth') put(i, (assigned.get('jeunes') ?? 0) < target('jeunes') ? 'jeunes' : 'emploi');
    else if (c === 'rqth') put(i, 'handicap');
    else if (c === 'siae') put(i, i % 2 === 0 ? 'emploi' : 'sociopro');
    else rsaPeople.push(i);
  }
  const rsaClasses: ReferentClass[] = ['social', 'sociopro', 'emploi'];
  const rsaRoom = rsaClasses.map((c) => Math.max(0, target(c) - (assigned.get(c) ?? 0)));
  for (const [i, c] of deal(rng, rsaPeople, rsaClasses, rsaRoom)) put(i, c);

  // --- Référent per person: quotas by counsellor weight within each class ---
  const referent = new Array<Counsellor>(count);
  const bench = input.counsellors.find((c) => c.accountId === input.benchCounsellor.accountId);
  for (const c of new Set(input.counsellors.map((x) => x.cls))) {
    let members = input.counsellors.filter((x) => x.cls === c);
    let people = cls.flatMap((x, i) => (x === c ? [i] : []));
    shuffle(rng, people);
    if (bench && bench.cls === c) {
      const quota = Math.min(input.benchCounsellor.quota, people.length);
      for (const i of people.slice(0, quota)) referent[i] = bench;
      people = people.slice(quota);
      members = members.filter((m) => m !== bench);
    }
    for (const [i, m] of deal(
      rng,
      people,
      members,
      members.map((m) => m.weight),
    ))
      referent[i] = m;
  }

  // --- Rows ---
  const persons: Row[] = [];
  const statuses: Row[] = [];
  const followUps: Row[] = [];
  const information: Row[] = [];
  const consents: Row[] = [];
  const notes: Row[] = [];
  const journeys: Journey[] = [];
  const matricule = new Array<string | null>(count).fill(null);
  const entryDay = new Array<number>(count);
  const address = new Array<FictionalIdentity['address']>(count);
  const children = new Array<{ n: number; bands: string[] }>(count);
  const bands = ['0-2', '3-5', '6-10', '11-15', '16-17', '18-24'];
  const byClass = new Map<ReferentClass, Counsellor[]>();
  for (const c of input.counsellors) byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), c]);
  const staffFor = (siaeIndex: number) => input.siaeStaff[siaeIndex % Math.max(1, input.siaeStaff.length)];
  const partnerEntries = input.partners.map((p) => [p.organisationId, p.weight] as const);
  let matriculeSerial = 1_000_000 + (seed % 1000) * 7919;

  for (let i = 0; i < count; i++) {
    const p = identities[i] as FictionalIdentity;
    const j = partnerOf[i] ?? -1;
    const isConjoint = role[i] === 'conjoint';
    const mate = j >= 0 ? identities[j] : undefined;
    // Entry in the journey: two thirds before the two-year window, the rest within it.
    entryDay[i] =
      isConjoint && j < i
        ? (entryDay[j] as number)
        : rng.chance(0.65)
          ? historyStart - rng.int(1, 1200)
          : historyStart + rng.int(0, HISTORY_DAYS - 30);
    const entry = entryDay[i] as number;
    if (receivesRsa[i]) {
      if (isConjoint && j < i) matricule[i] = matricule[j] ?? null;
      else {
        matriculeSerial += 1 + rng.int(0, 40);
        matricule[i] = pad(matriculeSerial % 10_000_000, 7);
      }
    }
    address[i] = isConjoint && j < i ? (address[j] as FictionalIdentity['address']) : p.address;
    if (isConjoint && j < i) children[i] = children[j] as { n: number; bands: string[] };
    else {
      const n =
        categories[i] === 'youth'
          ? rng.chance(0.12)
            ? 1
            : 0
          : weightedPick(rng, [
              [0, 45],
              [1, 22],
              [2, 18],
              [3, 10],
              [4, 5],
            ] as const);
      children[i] = { n, bands: Array.from({ length: n }, () => rng.pick(bands)).sort() };
    }
    const kids = children[i] as { n: number; bands: string[] };
    const usageName = isConjoint && p.sex === 2 && mate && rng.chance(0.4) ? mate.birthName : p.usageName;
    const hasNir = !(p.birthPlace.countryCode && rng.chance(0.15));
    const ref = referent[i] as Counsellor;
    const ftRegistered = categories[i] !== 'youth' || rng.chance(0.7);
    const lastContact = rng.chance(0.06) ? todayDay - rng.int(180, 400) : todayDay - rng.int(0, 120);
    persons.push({
      territory_id: territoryId,
      id: personIds[i],
      civility: p.civility,
      sex: p.sex === 1 ? 'M' : 'F',
      birth_name: p.birthName,
      usage_name: usageName === p.birthName ? null : usageName,
      first_names: p.firstNames,
      birth_date: p.birthDate,
      birth_commune_code:
        p.birthPlace.communeCode && input.knownCommunes.has(p.birthPlace.communeCode)
          ? p.birthPlace.communeCode
          : null,
      birth_country_code: p.birthPlace.countryCode,
      address_line: (address[i] as FictionalIdentity['address']).line,
      postal_code: (address[i] as FictionalIdentity['address']).postalCode,
      commune_code: (address[i] as FictionalIdentity['address']).communeCode,
      phone_mobile: rng.chance(0.92) ? p.phone : null,
      email: rng.chance(0.7) ? p.email : null,
      preferred_channel: weightedPick(rng, [
        ['sms', 50],
        ['letter', 30],
        ['phone', 20],
      ] as const),
      language: rng.chance(0.12) ? rng.pick(['ar', 'en', 'pt', 'ro', 'ta', 'tr', 'zh']) : 'fr',
      nir_encrypted: hasNir ? input.crypto.encrypt(p.nir) : null,
      nir_index: hasNir ? input.crypto.blindIndex(p.nir) : null,
      nir_masked: hasNir ? maskNir(p.nir) : null,
      benefit_organism: matricule[i] ? (rng.chance(0.01) ? 'msa' : 'caf') : null,
      benefit_matricule: matricule[i],
      household_role: role[i],
      france_travail_id: ftRegistered
        ? `${pad(3_000_000 + i, 7)}${String.fromCharCode(65 + (i % 26))}`
        : null,
      internal_id: null,
      partner_id: null, // set after insertion: the foreign key needs both rows
      dependent_children: kids.n,
      children_age_bands: kids.bands,
      lone_parent: j < 0 && kids.n > 0 && (p.sex === 2 ? rng.chance(0.8) : rng.chance(0.2)),
      created_at: isoAt(entry, rng.int(8 * 3600, 17 * 3600)),
      updated_at: isoAt(lastContact, 12 * 3600),
      last_contact_at: isoAt(lastContact, rng.int(8 * 3600, 17 * 3600)),
    });

    // --- Team: the référent, sometimes an earlier (ended) one, 0–3 more members ---
    const since = Math.max(entry, todayDay - rng.int(30, 900));
    const fu = (row: Row) =>
      followUps.push({ territory_id: territoryId, id: uuidFrom(ids), person_id: personIds[i], ...row });
    if (rng.chance(0.2) && since - entry > 60) {
      const earlier = teamRng.pick(input.counsellors);
      if (earlier !== ref)
        fu({
          organisation_id: earlier.organisationId,
          account_id: earlier.accountId,
          role: 'referent',
          status: 'ended',
          end_reason: rng.pick([
            'Réorientation',
            'Déménagement',
            'Changement de référent·e',
            'Fin de l’accompagnement',
          ]),
          created_at: isoAt(entry, 36_000),
          started_at: isoAt(entry, 36_000),
          ended_at: isoAt(since - 1, 36_000),
        });
    }
    fu({
      organisation_id: ref.organisationId,
      account_id: ref.accountId,
      role: 'referent',
      status: 'active',
      created_at: isoAt(since, 36_000),
      started_at: isoAt(since, 36_000),
    });
    const orgs = new Set<string>([ref.organisationId]);
    let extras: number = weightedPick(teamRng, [
      [0, 50],
      [1, 32],
      [2, 13],
      [3, 5],
    ] as const);
    let siaeMember: SiaeStaff | undefined;
    if (categories[i] === 'siae') {
      siaeMember = staffFor(i);
      if (siaeMember) {
        orgs.add(siaeMember.organisationId);
        fu({
          organisation_id: siaeMember.organisationId,
          account_id: siaeMember.accountId,
          role: 'intervenant',
          status: 'active',
          reason: 'Salarié·e en parcours d’insertion',
          created_at: isoAt(since, 40_000),
          started_at: isoAt(since, 40_000),
        });
        extras = Math.max(0, extras - 1);
      }
    }
    let plie = ref.organisationId === input.plieOrganisationId;
    for (let n = 0; n < extras; n++) {
      if (teamRng.chance(0.16)) {
        // A named co-référent from another kind of organisation (e.g. France Travail for a social path).
        const others = byClass.get(teamRng.pick(['emploi', 'sociopro', 'social', 'handicap'] as const)) ?? [];
        const co = others.length > 0 ? teamRng.pick(others) : undefined;
        if (!co || orgs.has(co.organisationId)) continue;
        orgs.add(co.organisationId);
        fu({
          organisation_id: co.organisationId,
          account_id: co.accountId,
          role: 'co_referent',
          status: 'active',
          reason: 'Accompagnement conjoint',
          created_at: isoAt(since + 20, 40_000),
          started_at: isoAt(since + 20, 40_000),
        });
      } else {
        const orgId = weightedPick(teamRng, partnerEntries);
        if (orgs.has(orgId)) continue;
        orgs.add(orgId);
        const start = Math.min(todayDay - 1, since + teamRng.int(10, 300));
        const ended = teamRng.chance(0.2) && start < todayDay - 60;
        fu({
          organisation_id: orgId,
          account_id: null,
          role: 'intervenant',
          status: ended ? 'ended' : 'active',
          reason: 'Action en cours dans la structure',
          end_reason: ended ? 'Action terminée' : null,
          created_at: isoAt(start, 43_000),
          started_at: isoAt(start, 43_000),
          ended_at: ended ? isoAt(start + teamRng.int(30, 200), 43_000) : null,
        });
        if (!ended && orgId === input.plieOrganisationId) plie = true;
      }
    }
    // A pending invitation now and then, so worklists are not empty.
    if (teamRng.chance(0.01)) {
      const co = teamRng.pick(input.counsellors);
      if (!orgs.has(co.organisationId))
        fu({
          organisation_id: co.organisationId,
          account_id: co.accountId,
          role: 'intervenant',
          status: 'invited',
          reason: 'Invitation à rejoindre l’équipe',
          created_at: isoAt(todayDay - teamRng.int(0, 10), 40_000),
        });
    }

    // --- Statuses over the last two years ---
    const st = (
      kind: string,
      value: string | null,
      start: number,
      end: number | null,
      source = 'manual',
      details: Row = {},
    ) =>
      statuses.push({
        territory_id: territoryId,
        id: uuidFrom(ids),
        person_id: personIds[i],
        kind,
        value,
        details,
        source,
        start_date: isoDay(start),
        end_date: end === null ? null : isoDay(Math.max(start, end)),
        recorded_at: isoAt(Math.min(todayDay, start + 1), 30_000),
      });
    const windowStart = Math.max(entry, historyStart);
    const r = statusRng;
    if (receivesRsa[i]) {
      // ETATDOSRSA: 0 pending, 2 open, 3/4 suspended, 5/6 closed.
      const dd = { soumisDroitsEtDevoirs: true, role: role[i] };
      let day = entry;
      if (entry >= historyStart && r.chance(0.3)) {
        st('rsa', '0', day, day + 20, 'caf', dd);
        day += 21;
      }
      const events: [number, string][] = [];
      if (r.chance(0.18)) {
        const at = r.int(Math.max(day + 1, historyStart), todayDay - 10);
        events.push([at, r.chance(0.6) ? '3' : '4']);
        const back = at + r.int(30, 120);
        if (back < todayDay) events.push([back, '2']);
      }
      if (r.chance(0.1))
        events.push([r.int(Math.max(day + 1, historyStart), todayDay - 5), r.chance(0.7) ? '5' : '6']);
      events.sort((a, b) => a[0] - b[0]);
      let state = '2';
      for (const [at, next] of events) {
        if (at <= day || state === '5' || state === '6') continue;
        st(
          'rsa',
          state,
          day,
          at - 1,
          'caf',
          state === '3' || state === '4' ? { ...dd, motif: 'Déclaration trimestrielle non reçue' } : dd,
        );
        day = at;
        state = next;
      }
      st(
        'rsa',
        state,
        day,
        null,
        'caf',
        state === '5' || state === '6' ? { ...dd, motif: 'Ressources supérieures au plafond' } : dd,
      );
    }
    if (ftRegistered) {
      const start = receivesRsa[i] ? Math.max(entry, Math.floor(Date.UTC(2025, 0, 1) / DAY_MS)) : entry;
      const stop = r.chance(0.08) ? r.int(Math.max(start, windowStart), todayDay) : null;
      st('france_travail_registration', 'inscrit', Math.min(start, todayDay), stop, 'france_travail', {
        categorie: r.pick(['A', 'A', 'A', 'B', 'C']),
      });
    }
    // Work situation: out of work at entry, then sometimes a job, a training, a contract.
    const youth = categories[i] === 'youth';
    let workStart = entry;
    let work: string = youth && r.chance(0.3) ? 'etudes' : 'sans_emploi';
    if (categories[i] === 'siae') {
      const siaeType = siaeMember?.siaeType ?? 'aci';
      const contractStart = r.int(Math.max(windowStart, todayDay - 700), todayDay - 30);
      st('work_situation', work, workStart, contractStart - 1);
      const ended = r.chance(0.25) && contractStart < todayDay - 130;
      const contractEnd = ended
        ? contractStart + r.int(120, Math.min(700, todayDay - contractStart - 1))
        : null;
      st(
        'pass_iae',
        null,
        contractStart - r.int(0, 20),
        contractStart + 729 < todayDay ? contractStart + 729 : null,
        'manual',
        {
          validUntil: isoDay(contractStart + 729),
        },
      );
      st('siae_contract', siaeType, contractStart, contractEnd, 'manual', {
        structure: siaeMember?.organisationName ?? null,
        heuresHebdomadaires: r.pick([20, 24, 26, 35]),
      });
      workStart = contractStart;
      work = 'contrat_aide';
      if (contractEnd !== null) {
        st('work_situation', work, workStart, contractEnd);
        workStart = contractEnd + 1;
        work = weightedPick(r, [...workAfter, ['sans_emploi', 30]] as const);
      }
    } else if (r.chance(0.28)) {
      const change = r.int(windowStart, todayDay - 1);
      if (change > workStart) {
        st('work_situation', work, workStart, change - 1);
        workStart = change;
        work = weightedPick(r, workAfter);
      }
    }
    st('work_situation', work, workStart, null);
    if (['cdd', 'interim', 'cdi', 'contrat_aide', 'independant'].includes(work) && r.chance(0.5))
      st('prime_activite', null, Math.min(todayDay, workStart + 30), null, 'caf');
    if (!youth && r.chance(0.08)) {
      const areStart = Math.max(entry - 200, windowStart - 300);
      const areEnd = areStart + r.int(120, 500);
      st('are', null, areStart, areEnd < todayDay ? areEnd : null, 'france_travail');
      if (areEnd < todayDay && r.chance(0.35)) st('ass', null, areEnd + 1, null, 'france_travail');
    }
    if (categories[i] === 'rqth') {
      const start = entry - r.int(0, 900);
      st('rqth', null, start, null, 'manual', { validUntil: isoDay(start + 5 * 365) });
      if (r.chance(0.4))
        st('aah', null, start + r.int(30, 200), null, 'caf', { taux: r.pick(['50-79 %', '80 % et plus']) });
    }
    if (youth) {
      const kind = weightedPick(r, [
        ['cej', 45],
        ['pacea', 40],
        ['none', 15],
      ] as const);
      if (kind === 'pacea' || (kind === 'cej' && r.chance(0.3))) {
        const start = r.int(windowStart, todayDay - 20);
        const end = kind === 'cej' ? Math.min(todayDay - 10, start + r.int(60, 240)) : null;
        st('pacea', null, start, end, 'manual', { phase: 'accompagnement' });
      }
      if (kind === 'cej') {
        const start = r.int(Math.max(windowStart, todayDay - 500), todayDay - 10);
        const months = r.pick([6, 9, 12]);
        const end = start + months * 30;
        st('cej', null, start, end < todayDay ? end : null, 'manual', {
          dureeMois: months,
          heuresHebdomadaires: r.pick([15, 18, 20]),
        });
      }
    }
    if (plie) st('plie', null, Math.max(windowStart, since), null);

    // --- Information, consents, sensitive notes ---
    if (rng.chance(0.7))
      information.push({
        territory_id: territoryId,
        id: uuidFrom(ids),
        person_id: personIds[i],
        informed_on: isoDay(Math.min(todayDay, Math.max(entry, historyStart) + rng.int(0, 30))),
        channel: rng.pick(['letter', 'in_person', 'in_person', 'email', 'sms']),
        recorded_by_account_id: ref.accountId,
        recorded_at: isoAt(Math.min(todayDay, Math.max(entry, historyStart) + 30), 40_000),
      });
    if (rng.chance(0.06))
      consents.push({
        territory_id: territoryId,
        id: uuidFrom(ids),
        person_id: personIds[i],
        section: 'sensitive',
        organisation_id: ref.organisationId,
        decision: 'consent',
        recorded_by_account_id: ref.accountId,
        recorded_at: isoAt(since + 5, 41_000),
      });
    if (rng.chance(0.01))
      consents.push({
        territory_id: territoryId,
        id: uuidFrom(ids),
        person_id: personIds[i],
        section: 'diagnostic',
        organisation_id: rng.pick(input.partners).organisationId,
        decision: 'objection',
        recorded_by_account_id: ref.accountId,
        recorded_at: isoAt(since + 6, 41_000),
      });
    if (rng.chance(0.02)) {
      const [category, text] = rng.pick(sensitiveTexts);
      notes.push({
        territory_id: territoryId,
        id: uuidFrom(ids),
        person_id: personIds[i],
        category,
        text_encrypted: input.crypto.encrypt(text),
        author_account_id: ref.accountId,
        organisation_id: ref.organisationId,
        created_at: isoAt(Math.min(todayDay, since + rng.int(1, 60)), 42_000),
      });
    }

    // --- About 20 timeline entries over two years, fewer for recent arrivals ---
    const visibleFrom = Math.max(entry, historyStart);
    const share = (todayDay - visibleFrom) / HISTORY_DAYS;
    journeys.push({
      id: personIds[i] as string,
      acc: ref.accountId,
      org: ref.organisationId,
      k: Math.max(2, Math.round(rng.int(12, 36) * share)),
      d: weightedPick(rng, [
        [0, 25],
        [1, 30],
        [2, 25],
        [3, 12],
        [4, 8],
      ] as const),
      s: isoAt(visibleFrom, 8 * 3600),
      days: Math.max(1, todayDay - visibleFrom),
    });
  }
  // Partners point to each other (written once both rows exist).
  for (let i = 0; i < count; i++) {
    const j = partnerOf[i] ?? -1;
    if (j >= 0) (persons[i] as Row).partner_id = personIds[j];
  }
  const tally = { rsa: 0, youth: 0, rqth: 0, siae: 0 } satisfies Record<Category, number>;
  for (const c of categories) tally[c]++;
  return {
    persons,
    statuses,
    followUps,
    information,
    consents,
    notes,
    journeys,
    partnerIndex: partnerOf,
    categories: tally,
  };
}
