import { nirKey } from '@spie/contract/people';

/**
 * Deterministic FICTIONAL identities for the demo and scale seeds.
 *
 * Names are common first and last names of the origins found in Seine-Saint-Denis, drawn
 * independently, so no combination describes a real person on purpose. Contact details use
 * ranges that can never reach anyone: the `example.org` domain (RFC 2606) and the mobile block
 * 06 39 98 xx xx that ARCEP keeps for works of fiction. NIRs are well-formed with a valid key
 * (so imports, matching and masking can be exercised) but their order numbers are random.
 */

// ---------------------------------------------------------------------------------------------
// Seeded PRNG

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): one 32-bit state word, a handful of integer
 * operations per draw, passes gjrand/PractRand well enough for test data, and gives the same
 * sequence on every platform because it only uses 32-bit integer arithmetic (Math.imul). Not for
 * secrets: tokens and keys come from node:crypto.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p: number) => next() < p,
  };
}

/** Weighted choice with the cumulative weights computed once, not at every draw. */
interface WeightedTable<T> {
  items: readonly T[];
  cumulative: readonly number[];
  total: number;
}

function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  let total = 0;
  const cumulative = entries.map(([, w]) => {
    total += w;
    return total;
  });
  return { items: entries.map(([item]) => item), cumulative, total };
}

function pickWeighted<T>(rng: Rng, table: WeightedTable<T>): T {
  const x = rng.next() * table.total;
  let i = 0;
  while (i < table.cumulative.length - 1 && x >= (table.cumulative[i] as number)) i++;
  return table.items[i] as T;
}

// ---------------------------------------------------------------------------------------------
// Reference lists

// biome-ignore format: a dense reference list reads better than one name per line
export const femaleFirstNames: readonly string[] = [
  'Marie', 'Sophie', 'Nathalie', 'Isabelle', 'Sandrine', 'Céline', 'Stéphanie', 'Valérie', 'Aurélie',
  'Élodie', 'Émilie', 'Julie', 'Camille', 'Laura', 'Léa', 'Manon', 'Chloé', 'Sarah', 'Inès', 'Jade',
  'Emma', 'Lina', 'Léna', 'Anaïs', 'Océane', 'Noémie', 'Clémence', 'Mélanie', 'Audrey', 'Caroline',
  'Christine', 'Martine', 'Sylvie', 'Véronique', 'Hélène', 'Françoise', 'Agnès', 'Noëlle', 'Maëlle',
  'Zoé', 'Louise', 'Alice', 'Mélissa', 'Jessica', 'Cindy', 'Marine', 'Pauline', 'Justine', 'Margaux',
  'Nadia', 'Fatima', 'Aïcha', 'Amina', 'Samira', 'Karima', 'Leïla', 'Yasmina', 'Nora', 'Malika',
  'Farida', 'Khadija', 'Naïma', 'Souad', 'Zohra', 'Myriam', 'Sonia', 'Meriem', 'Hanane', 'Salma',
  'Imane', 'Yasmine', 'Rania', 'Kenza', 'Sabrina', 'Nawel', 'Djamila', 'Fatoumata', 'Aminata', 'Mariam',
  'Awa', 'Kadiatou', 'Binta', 'Aïssatou', 'Fanta', 'Oumou', 'Coumba', 'Hawa', 'Maïmouna', 'Grâce',
  'Merveille', 'Esther', 'Ruth', 'Rebecca', 'Ana', 'Maria', 'Sofia', 'Fernanda', 'Ioana', 'Elena',
  'Andreea', 'Ayşe', 'Zeynep', 'Elif', 'Fatma', 'Mei', 'Linh', 'Priya', 'Lakshmi', 'Ambre',
];

// biome-ignore format: a dense reference list reads better than one name per line
export const maleFirstNames: readonly string[] = [
  'Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Patrick', 'Nicolas', 'Christophe', 'Stéphane',
  'Sébastien', 'Frédéric', 'Laurent', 'Olivier', 'Julien', 'David', 'Thomas', 'Alexandre', 'Maxime',
  'Kévin', 'Anthony', 'Jérémy', 'Romain', 'Quentin', 'Hugo', 'Lucas', 'Théo', 'Nathan', 'Enzo', 'Louis',
  'Gabriel', 'Noël', 'François', 'Jérôme', 'Benoît', 'Grégory', 'Cédric', 'Mickaël', 'Loïc', 'Gaël',
  'Raphaël', 'Dylan', 'Yanis', 'Adam', 'Noah', 'Mathis', 'Mohamed', 'Ahmed', 'Karim', 'Mehdi', 'Rachid',
  'Samir', 'Nabil', 'Farid', 'Mourad', 'Youssef', 'Bilal', 'Ilyès', 'Rayan', 'Amine', 'Yacine', 'Sofiane',
  'Walid', 'Hakim', 'Abdelkader', 'Djamel', 'Hamza', 'Ismaël', 'Moussa', 'Mamadou', 'Ibrahima',
  'Ousmane', 'Amadou', 'Boubacar', 'Seydou', 'Abdoulaye', 'Cheikh', 'Modibo', 'Bakary', 'Souleymane',
  'Issa', 'Adama', 'Lamine', 'Emmanuel', 'Christian', 'Joël', 'Fabrice', 'Hervé', 'Didier', 'João',
  'José', 'Manuel', 'Paulo', 'Carlos', 'Mihai', 'Andrei', 'Florin', 'Mehmet', 'Mustafa', 'Ali', 'Emre',
  'Arjun', 'Rajesh', 'Wei', 'Minh', 'Tuan', 'Jean-Baptiste', 'Jean-Pierre', 'Aurélien', 'Bastien',
];

// biome-ignore format: a dense reference list reads better than one name per line
export const lastNames: readonly string[] = [
  // Frequent names across France
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Masson', 'Marchand',
  'Duval', 'Denis', 'Dumont', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard',
  'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Gérard', 'Roche',
  'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert',
  'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Bourgeois', 'Benoît', 'Rey', 'Leclerc', 'Rolland',
  'Guillaume', 'Lecomte', 'Dupuy', 'Hubert', 'Berger', 'Carpentier', 'Dupuis', 'Moulin', 'Deschamps',
  'Huet', 'Vasseur', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet', 'Poirier', 'Marty', 'Aubry',
  'Guyot', 'Carré', 'Charpentier', 'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé',
  'Schneider', 'Le Gall', 'Collet', 'Léger', 'Bouvier', 'Prévost', 'Millet', 'Perrot', 'Le Roux',
  'Cousin', 'Germain', 'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque',
  'Leblanc', 'Lebrun', 'Weber', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Étienne',
  'Chauvin', 'Lemaître', 'Maréchal', 'Barthélemy', 'Lejeune', 'Delaunay', 'Laporte',
  // Antilles, Réunion, Haïti
  'Payet', 'Hoarau', 'Grondin', 'Jean-Louis', 'Jean-Baptiste', 'Pierre-Louis', 'Joseph', 'Désir',
  'Augustin', 'Jean-Charles', 'Saint-Louis', 'Alexis',
  // Maghreb
  'Benali', 'Belkacem', 'Bouzid', 'Saïdi', 'Haddad', 'Mansouri', 'Cherif', 'Brahimi', 'Hamidi', 'Amrani',
  'Bensaïd', 'Meziane', 'Kaci', 'Rahmani', 'Slimani', 'Ziani', 'Kaddour', 'Larbi', 'Benmoussa',
  'El Idrissi', 'Alaoui', 'Bennani', 'Tazi', 'Messaoudi', 'Belhadj', 'Ferhat', 'Mebarki', 'Bensalem',
  'Amara', 'Touati', 'Khelifi', 'Mokrani', 'Ben Ali', 'Trabelsi', 'Gharbi', 'Ben Salah', 'Hamdi',
  'Boukhari', 'Aït Ahmed', 'Lounès',
  // West Africa
  'Diallo', 'Traoré', 'Koné', 'Camara', 'Cissé', 'Diarra', 'Keïta', 'Touré', 'Sylla', 'Coulibaly',
  'Doumbia', 'Sissoko', 'Konaté', 'Bamba', 'Ba', 'Sow', 'Diop', 'Ndiaye', 'Fall', 'Sarr', 'Gueye', 'Faye',
  'Mbaye', 'Diouf', 'Seck', 'Kanté', 'Dembélé', 'Sacko', 'Soumaré', 'Fofana', 'Doucouré', 'Tounkara',
  'Sidibé', 'Diakité', 'Dramé', 'Bah', 'Barry', 'Kouyaté', 'Sangaré', 'Ouattara', 'Kouassi', 'Kouamé',
  'Yao', 'Konan',
  // Central Africa, Comoros
  'Mbemba', 'Kabongo', 'Mukendi', 'Ilunga', 'Kasongo', 'Ngoma', 'Mbarga', 'Essomba', 'Fotso', 'Kamga',
  'Ahamada', 'Saïd', 'Abdallah', 'Soilihi', 'Youssouf',
  // Portugal, Spain, Italy
  'Da Silva', 'Dos Santos', 'Pereira', 'Ferreira', 'Rodrigues', 'Gonçalves', 'Fernandes', 'Lopes',
  'Martins', 'Oliveira', 'Sousa', 'Costa', 'Carvalho', 'Ribeiro', 'Teixeira', 'Almeida', 'Pinto',
  'Mendes', 'Cardoso', 'Monteiro', 'Garcia', 'Martinez', 'Lopez', 'Sanchez', 'Perez', 'Gonzalez',
  'Fernandez', 'Rodriguez', 'Rossi', 'Russo', 'Esposito', 'Romano',
  // Turkey, Eastern Europe
  'Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Yildiz', 'Ozturk', 'Aydin', 'Arslan', 'Dogan', 'Popescu',
  'Ionescu', 'Popa', 'Dumitru', 'Constantin', 'Nowak', 'Kowalski', 'Petrovic', 'Ivanov',
  // South and East Asia
  'Sivakumar', 'Rajendran', 'Selvarajah', 'Kumar', 'Singh', 'Khan', 'Hossain', 'Rahman', 'Chowdhury',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhou', 'Wu', 'Lin', 'Zheng', 'Nguyen', 'Tran',
  'Le', 'Pham', 'Hoang', 'Vu', 'Dang',
];

/** INSEE country codes (COG, 99xxx) with a rough weight for where people of the territory come from. */
export const birthCountries = weighted<string>([
  ['99352', 18], // Algérie
  ['99350', 16], // Maroc
  ['99351', 8], // Tunisie
  ['99335', 8], // Mali
  ['99341', 6], // Sénégal
  ['99326', 6], // Côte d'Ivoire
  ['99322', 4], // Cameroun
  ['99312', 4], // République démocratique du Congo
  ['99324', 2], // Congo
  ['99330', 3], // Guinée
  ['99336', 2], // Mauritanie
  ['99397', 2], // Comores
  ['99331', 1], // Burkina Faso
  ['99333', 1], // Madagascar
  ['99410', 3], // Haïti
  ['99208', 4], // Turquie
  ['99235', 3], // Sri Lanka
  ['99216', 3], // Chine
  ['99246', 2], // Bangladesh
  ['99213', 2], // Pakistan
  ['99223', 2], // Inde
  ['99212', 2], // Afghanistan
  ['99243', 1], // Viêt Nam
  ['99139', 4], // Portugal
  ['99114', 3], // Roumanie
]);

/** Birth communes elsewhere in mainland France (COG codes; Paris, Marseille, Lyon by arrondissement). */
// biome-ignore format: a dense reference list reads better than one name per line
const mainlandBirthCommunes: readonly string[] = [
  '75110', '75111', '75112', '75113', '75114', '75115', '75118', '75119', '75120', '13203', '13215',
  '69388', '59350', '59512', '31555', '44109', '33063', '67482', '76540', '76351', '51454', '45234',
  '80021', '60057', '62041', '06088', '34172', '35238', '38185', '94028', '92050', '95018',
];
const overseasBirthCommunes: readonly string[] = [
  '97101',
  '97120',
  '97209',
  '97213',
  '97302',
  '97411',
  '97415',
  '97416',
];
const corsicaBirthCommunes: readonly string[] = ['2A004', '2B033'];

/**
 * Yvelines, Essonne, Hauts-de-Seine, Seine-Saint-Denis, Val-de-Marne and Val-d'Oise exist since
 * 1 January 1968; a NIR issued before carries the old Seine / Seine-et-Oise code. Rather than
 * map old codes, people born before 1968 are simply not born there.
 */
const DEPARTEMENTS_OF_1968 = new Set(['78', '91', '92', '93', '94', '95']);
/** Corsica was split into 2A/2B in 1976; earlier births keep département 20 in the NIR. */
const CORSICA_SPLIT_YEAR = 1976;

const streetTypes = weighted<string>([
  ['rue', 50],
  ['avenue', 15],
  ['boulevard', 6],
  ['allée', 8],
  ['place', 3],
  ['impasse', 5],
  ['chemin', 3],
  ['cité', 4],
  ['square', 2],
  ['villa', 2],
]);

// biome-ignore format: a dense reference list reads better than one name per line
const streetNames: readonly string[] = [
  'de la République', 'Jean Jaurès', 'Victor Hugo', 'Paul Vaillant-Couturier', 'Gabriel Péri',
  'Jules Ferry', 'Pasteur', 'Anatole France', 'Karl Marx', 'Maurice Thorez', 'Henri Barbusse',
  'Romain Rolland', 'Jean Moulin', 'du Général de Gaulle', 'Aristide Briand', 'Lénine', 'Salvador Allende',
  'Pablo Picasso', 'Louise Michel', 'Danielle Casanova', 'Lucie Aubrac', 'Simone Veil', 'Olympe de Gouges',
  'Marcel Cachin', 'Édouard Vaillant', 'Émile Zola', 'Voltaire', 'de Paris', 'de Stalingrad',
  'de la Paix', 'de la Liberté', 'des Lilas', 'des Tilleuls', 'des Acacias', 'du Moulin', 'de la Gare',
  'du Marché', 'des Écoles', 'du 8 Mai 1945', 'du 19 Mars 1962', 'Frédéric Chopin', 'Lamartine',
  'Édith Piaf', 'Nelson Mandela', 'Martin Luther King', 'Aimé Césaire', 'Toussaint Louverture',
  'Joséphine Baker', 'Rosa Parks', 'Robespierre', 'Condorcet', 'Jean-Jacques Rousseau', 'Denis Papin',
  'Marcel Sembat', 'Youri Gagarine', 'Rabelais', 'Racine', 'Molière', 'des Rosiers', 'de Verdun',
];

// ---------------------------------------------------------------------------------------------
// Identities

export interface CommuneRef {
  code: string;
  postalCode: string;
}

export interface IdentityOptions {
  /** Communes of the territory: where people live, and where many were born. */
  communes: readonly CommuneRef[];
  /** Reference date for ages; its UTC calendar day is used so the output does not depend on TZ. */
  today: Date;
  /** Sequence number: when given, makes the email address unique within a batch. */
  serial?: number;
  /** NIRs already handed out: when given, the order number is redrawn until the NIR is new. */
  usedNirs?: Set<string>;
}

export interface FictionalIdentity {
  sex: 1 | 2;
  civility: 'M.' | 'Mme';
  firstNames: string[];
  birthName: string;
  /** Nom d'usage (e.g. a married woman's spouse's name), null when the birth name is used. */
  usageName: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Exactly one is set: the COG commune code for people born in France, else the country code. */
  birthPlace: { communeCode: string | null; countryCode: string | null };
  nir: string;
  email: string;
  /** National format without spaces, in the fiction range 06 39 98 xx xx. */
  phone: string;
  address: { line: string; communeCode: string; postalCode: string };
}

const DAY_MS = 86_400_000;

/** Ages 16–64, most people 26–49, about 15 % under 26 (young people are followed by missions locales). */
const ageBands = weighted<readonly [number, number]>([
  [[16, 25], 15],
  [[26, 34], 27],
  [[35, 49], 38],
  [[50, 64], 20],
]);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function birthDateFor(rng: Rng, today: Date): Date {
  const [minAge, maxAge] = pickWeighted(rng, ageBands);
  const age = rng.int(minAge, maxAge);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const d = today.getUTCDate();
  // Someone aged `age` today was born after this day (age + 1) years ago, and on or before this
  // day `age` years ago.
  const latest = Date.UTC(y - age, m, d);
  const earliest = Date.UTC(y - age - 1, m, d) + DAY_MS;
  const days = Math.round((latest - earliest) / DAY_MS);
  return new Date(earliest + rng.int(0, days) * DAY_MS);
}

interface BirthPlace {
  communeCode: string | null;
  countryCode: string | null;
  /** Positions 6–10 of the NIR. */
  nirPlace: string;
}

function birthPlaceFor(rng: Rng, year: number, communes: readonly CommuneRef[]): BirthPlace {
  if (rng.chance(0.25)) {
    const country = pickWeighted(rng, birthCountries);
    return { communeCode: null, countryCode: country, nirPlace: country };
  }
  const r = rng.next();
  let code: string;
  if (r < 0.55 && communes.length > 0) code = rng.pick(communes).code;
  else if (r < 0.91) code = rng.pick(mainlandBirthCommunes);
  else if (r < 0.99) code = rng.pick(overseasBirthCommunes);
  else code = rng.pick(corsicaBirthCommunes);
  while (year < 1968 && DEPARTEMENTS_OF_1968.has(code.slice(0, 2))) code = rng.pick(mainlandBirthCommunes);
  const corsicaBeforeSplit = year < CORSICA_SPLIT_YEAR && (code.startsWith('2A') || code.startsWith('2B'));
  return { communeCode: code, countryCode: null, nirPlace: corsicaBeforeSplit ? `20${code.slice(2)}` : code };
}

function nirFor(rng: Rng, body10: string, used: Set<string> | undefined): string {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const body = body10 + pad(rng.int(1, 999), 3);
    const nir = body + pad(nirKey(body), 2);
    if (!used) return nir;
    if (!used.has(nir)) {
      used.add(nir);
      return nir;
    }
  }
  throw new Error(`No free NIR order number left for ${body10}`);
}

const slugCache = new Map<string, string>();
/** ASCII, lowercase, dash-separated: "Aït Ahmed" → "ait-ahmed", for email local parts. */
function slug(name: string): string {
  let s = slugCache.get(name);
  if (s === undefined) {
    s = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    slugCache.set(name, s);
  }
  return s;
}

function firstNamesFor(rng: Rng, sex: 1 | 2): string[] {
  const list = sex === 1 ? maleFirstNames : femaleFirstNames;
  const count = rng.chance(0.55) ? 1 : rng.chance(0.75) ? 2 : 3;
  const names: string[] = [];
  while (names.length < count) {
    const name = rng.pick(list);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function addressLineFor(rng: Rng): string {
  const number = rng.int(1, 180);
  const suffix = rng.chance(0.06) ? (rng.chance(0.8) ? ' bis' : ' ter') : '';
  return `${number}${suffix} ${pickWeighted(rng, streetTypes)} ${rng.pick(streetNames)}`;
}

export function generateIdentity(rng: Rng, options: IdentityOptions): FictionalIdentity {
  if (options.communes.length === 0) throw new RangeError('generateIdentity needs at least one commune');
  const sex: 1 | 2 = rng.chance(0.53) ? 2 : 1;
  const firstNames = firstNamesFor(rng, sex);
  const birthName = rng.pick(lastNames);
  const birth = birthDateFor(rng, options.today);
  const year = birth.getUTCFullYear();
  const month = birth.getUTCMonth() + 1;
  const age = options.today.getUTCFullYear() - year;
  // Some married women use their spouse's name; never the same as the birth name.
  let usageName: string | null = null;
  if (sex === 2 && age >= 24 && rng.chance(0.3)) {
    const other = rng.pick(lastNames);
    usageName = other === birthName ? null : other;
  }

  const place = birthPlaceFor(rng, year, options.communes);
  const nir = nirFor(rng, `${sex}${pad(year % 100, 2)}${pad(month, 2)}${place.nirPlace}`, options.usedNirs);

  const first = firstNames[0] as string;
  const suffix =
    options.serial !== undefined ? `.${options.serial}` : rng.chance(0.5) ? `${rng.int(1, 99)}` : '';
  const email = `${slug(first)}.${slug(usageName ?? birthName)}${suffix}@example.org`;
  const phone = `063998${pad(rng.int(0, 9999), 4)}`;
  const home = rng.pick(options.communes);

  return {
    sex,
    civility: sex === 1 ? 'M.' : 'Mme',
    firstNames,
    birthName,
    usageName,
    birthDate: `${year}-${pad(month, 2)}-${pad(birth.getUTCDate(), 2)}`,
    birthPlace: { communeCode: place.communeCode, countryCode: place.countryCode },
    nir,
    email,
    phone,
    address: { line: addressLineFor(rng), communeCode: home.code, postalCode: home.postalCode },
  };
}

/**
 * A batch for a seed: same seed and options, same people. NIRs and emails are unique within the
 * batch (the database looks people up by both). Phones are not: the fiction range holds 10,000
 * numbers, and members of one household often share one anyway.
 */
export function generateIdentities(
  seed: number,
  count: number,
  options: Omit<IdentityOptions, 'serial' | 'usedNirs'>,
): FictionalIdentity[] {
  const rng = createRng(seed);
  const usedNirs = new Set<string>();
  const people: FictionalIdentity[] = [];
  for (let i = 0; i < count; i++) people.push(generateIdentity(rng, { ...options, serial: i + 1, usedNirs }));
  return people;
}
