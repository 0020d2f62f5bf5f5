import { type Kysely, sql } from 'kysely';
import { hashInt, uuidOf } from './scaleSql';

/**
 * The catalogue of the scale territory (issue 7), written set-based by the database,
 * proportional to the number of people (figures below for 100,000), deterministic (md5 of the
 * seed and a row number):
 * - 4,000 structures and 20,000 services across Seine-Saint-Denis (30 %), Paris (25 %),
 *   Hauts-de-Seine (15 %), Val-de-Marne (12 %), Val-d'Oise (10 %) and Seine-et-Marne (8 %):
 *   positions are commune centroids with at most 2 km of jitter; 1–4 thematiques per service
 *   from a realistic template per kind of offer; 15 % remote only; a capacity on 70 % (about
 *   12,600 places in the Seine-Saint-Denis, the « places » indicator); 3,000 services with 1–4
 *   sessions instead; 8 % of the Seine-Saint-Denis structures owned by the territory's
 *   organisations; a few suspended, drafts, archived; 15 % not updated for six months or more;
 * - 200,000 referrals of followed people by their référent: 15 % envoyée (last 4 weeks), 5 % en
 *   liste d'attente, 10 % acceptée, 15 % en cours (the live ones recent), 35 % terminée, 10 %
 *   refusée, 5 % expirée, 5 % annulée (over two years), with answer, entry and end dates;
 * - 1–4 history rows per referral (one per transition), and 2–11 weeks of attendance per
 *   referral in progress or finished (about 650,000 rows).
 */

// biome-ignore lint/suspicious/noExplicitAny: the seed writes several tables with the same helper
type AnyDb = Kysely<any>;

export interface CatalogueSeedInput {
  territoryId: string;
  today: Date;
  now: Date;
  people: number;
  seed: number;
}

export const SCALE_CATALOGUE_SOURCE = 'annuaire-idf';

/** Sizes for a number of people (100,000 → 4,000 / 20,000 / 3,000 / 200,000). */
export function catalogueSizes(people: number) {
  const f = people / 100_000;
  return {
    structures: Math.max(20, Math.round(4000 * f)),
    services: Math.max(100, Math.round(20_000 * f)),
    servicesWithSessions: Math.max(15, Math.round(3000 * f)),
    referrals: Math.max(200, Math.round(200_000 * f)),
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const H = (column: string, from: number) => sql.raw(hashInt(column, from));
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** [département, share in %] */
const DEPARTEMENTS: readonly [string, number][] = [
  ['93', 30],
  ['75', 25],
  ['92', 15],
  ['94', 12],
  ['95', 10],
  ['77', 8],
];

/** Kinds of structures (name prefix, réseau porteur). */
// biome-ignore format: a dense reference list reads better than one entry per line
const STRUCTURE_KINDS: readonly [string, string][] = [
  ['Association d’insertion', 'fabrique-de-territoire'], ['Centre social', 'fcsf'], ['Maison de l’emploi', 'maisons-de-l-emploi'],
  ['Atelier chantier d’insertion', 'aci'], ['Entreprise d’insertion', 'ei'], ['Plateforme mobilité', 'mobin'],
  ['Espace numérique', 'espaces-publics-numeriques'], ['CCAS', 'ccas-cias'], ['Organisme de formation', 'afpa'],
  ['Point conseil budget', 'points-conseil-budget'], ['Mission locale', 'mission-locale'], ['France services', 'france-service'],
];

/**
 * Service templates: [nom, type, thematiques (1–4 are kept), publics, frais, hours/week, weeks,
 * description (over 200 characters)].
 */
// biome-ignore format: a dense reference list reads better than one entry per line
const SERVICE_TEMPLATES: readonly [string, string, string[], string[], string, number | null, number | null, string][] = [
  ['Permis de conduire accompagné', 'accompagnement', ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite', 'mobilite--etre-accompagne-dans-son-parcours-mobilite'], ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi', 'jeunes'], 'payant', 6, 26,
    'Préparation au permis B pour les personnes qui en ont besoin pour travailler : code en petit groupe, leçons de conduite avec un moniteur formé à l’accompagnement, recherche des financements. Le prix dépend des revenus et un point est fait chaque mois avec le référent.'],
  ['Location de deux-roues', 'aide-materielle', ['mobilite--acceder-a-un-vehicule', 'mobilite--financer-ma-mobilite'], ['demandeurs-emploi', 'jeunes'], 'payant', null, 12,
    'Location d’un scooter ou d’un vélo électrique pour un à six mois, avec casque, antivol et assurance, le temps de démarrer un emploi ou une formation loin des transports. Prise en main et rappel de sécurité routière avant le départ.'],
  ['Garage solidaire', 'aide-materielle', ['mobilite--entretenir-reparer-son-vehicule', 'mobilite--acceder-a-un-vehicule'], ['beneficiaires-des-minimas-sociaux', 'actifs'], 'payant', null, null,
    'Réparation des véhicules des personnes à petits revenus au prix des pièces, diagnostic gratuit et devis avant toute intervention. Des ateliers apprennent l’entretien de base : pneus, niveaux, ampoules, freins.'],
  ['Vélo-école', 'atelier', ['mobilite--mobilite-douce-partagee-collective', 'mobilite--etre-accompagne-dans-son-parcours-mobilite'], ['tous-publics'], 'gratuit', 2, 10,
    'Apprendre à faire du vélo ou reprendre confiance pour rouler en ville, en petit groupe avec des moniteurs : équilibre, freinage, circulation, itinéraire vers le travail. Les vélos et les casques sont prêtés.'],
  ['Atelier numérique : les bases', 'atelier', ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'], ['tous-publics'], 'gratuit', 4, 6,
    'Ateliers en petit groupe pour apprendre à utiliser un ordinateur et un smartphone : souris, clavier, adresse électronique, pièces jointes, espace France Travail et CAF. Chacun avance à son rythme avec un conseiller numérique.'],
  ['Aide aux démarches en ligne', 'accompagnement', ['numerique--acceder-a-des-services-en-ligne', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'], ['tous-publics'], 'gratuit', null, null,
    'Un conseiller aide à faire les démarches sur internet avec la personne : actualisation, CAF, assurance maladie, impôts, prise de rendez-vous, pour qu’elle sache ensuite les refaire seule. Apporter ses identifiants et ses papiers.'],
  ['Équipement informatique solidaire', 'aide-materielle', ['numerique--acquerir-un-equipement', 'numerique--acceder-a-une-connexion-internet'], ['beneficiaires-des-minimas-sociaux', 'etudiants'], 'payant', null, null,
    'Ordinateurs et tablettes reconditionnés à petit prix pour les personnes accompagnées, avec les logiciels utiles installés et une heure de prise en main. Aide pour trouver un abonnement internet à tarif social.'],
  ['Cours de français', 'formation', ['lecture-ecriture-calcul--maitriser-le-francais', 'lecture-ecriture-calcul--maitriser-le-calcul'], ['personnes-exilees', 'tous-publics'], 'gratuit', 6, 24,
    'Cours de français en petit groupe, du niveau débutant au niveau B1 : parler, comprendre, lire et écrire pour la vie de tous les jours et pour le travail. Test de niveau à l’inscription et attestation à la fin.'],
  ['Atelier sociolinguistique', 'atelier', ['lecture-ecriture-calcul--maitriser-le-francais', 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'remobilisation--lien-social'], ['personnes-exilees', 'familles', 'femmes'], 'gratuit', 4, 12,
    'Pratiquer le français dans les situations de la vie quotidienne : mairie, médecin, école, CAF, transports, avec des sorties pour s’entraîner en vrai. Les ateliers aident aussi à mieux connaître ses droits.'],
  ['Contrat en atelier chantier d’insertion', 'accompagnement', ['trouver-un-emploi--maintien-dans-lemploi', 'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite', 'remobilisation--bien-etre-confiance-en-soi', 'se-former--trouver-sa-formation'], ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi'], 'gratuit', 26, 52,
    'Un contrat de travail de 26 heures par semaine avec un encadrant technique qui forme sur le terrain et une accompagnatrice qui aide à lever les freins et à préparer la suite : formation qualifiante ou emploi durable.'],
  ['Atelier CV et lettre de motivation', 'atelier', ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation', 'preparer-sa-candidature--valoriser-ses-competences'], ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], 'gratuit', 5, 2,
    'Quelques séances pour écrire un CV clair et une lettre de motivation adaptée à chaque offre, déposer son CV sur les sites d’emploi et répondre par courriel. Chacun repart avec son CV imprimé et enregistré.'],
  ['Club de recherche d’emploi', 'accompagnement', ['trouver-un-emploi--repondre-a-des-offres-demploi', 'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs', 'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi', 'trouver-un-emploi--faire-des-candidatures-spontanees'], ['demandeurs-emploi'], 'gratuit', 6, 8,
    'Un groupe se retrouve deux matinées par semaine pour chercher un emploi ensemble : offres du jour, candidatures spontanées, appels aux employeurs et suivi des réponses, avec une animatrice qui connaît les entreprises qui recrutent.'],
  ['Préparer son entretien d’embauche', 'atelier', ['trouver-un-emploi--convaincre-un-recruteur-en-entretien', 'preparer-sa-candidature--valoriser-ses-competences'], ['demandeurs-emploi', 'jeunes'], 'gratuit', 3, 1,
    'Se présenter en deux minutes, répondre aux questions difficiles, s’entraîner face à de vrais recruteurs avec une vidéo. Chaque participant repart avec ses points forts et des conseils personnalisés ; une tenue peut être prêtée.'],
  ['Parrainage vers l’emploi', 'accompagnement', ['preparer-sa-candidature--developper-son-reseau', 'trouver-un-emploi--faire-des-candidatures-spontanees'], ['demandeurs-emploi', 'residents-qpv-frr', 'jeunes'], 'gratuit', 2, 26,
    'Une personne en recherche d’emploi est accompagnée six mois par un parrain ou une marraine, salarié ou retraité d’une entreprise : conseils, réseau, préparation des entretiens, découverte d’un métier.'],
  ['Formation qualifiante aux métiers du bâtiment', 'formation', ['se-former--trouver-sa-formation', 'choisir-un-metier--confirmer-son-choix-de-metier', 'se-former--monter-son-dossier-de-formation'], ['demandeurs-emploi', 'jeunes'], 'gratuit', 35, 20,
    'Formation rémunérée de plusieurs mois pour devenir maçon, peintre ou carreleur, avec des stages en entreprise et un titre professionnel à la fin. Tests de positionnement et entretien de motivation avant l’entrée.'],
  ['Préparation au CACES', 'formation', ['se-former--trouver-sa-formation', 'trouver-un-emploi--repondre-a-des-offres-demploi'], ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], 'gratuit', 35, 2,
    'Formation de deux semaines pour conduire les chariots élévateurs en sécurité et passer le CACES, très demandé dans la logistique : théorie en salle, pratique sur le plateau technique, test final.'],
  ['Découverte des métiers', 'atelier', ['choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite', 'choisir-un-metier--identifier-ses-points-forts-et-ses-competences', 'choisir-un-metier--connaitre-les-opportunites-demploi'], ['demandeurs-emploi', 'jeunes', 'femmes'], 'gratuit', 30, 2,
    'Deux semaines pour découvrir des métiers qui recrutent en pratiquant sur un plateau technique et en rencontrant des employeurs et des salariés. À la fin, la personne sait si elle veut se former et vers quel métier.'],
  ['Point conseil budget', 'accompagnement', ['difficultes-financieres--ameliorer-sa-gestion-budgetaire', 'difficultes-financieres--situation-dendettement-surendettement', 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere'], ['tous-publics'], 'gratuit', null, null,
    'Une conseillère aide à faire le point sur le budget, à trouver des solutions pour les factures en retard, à négocier avec les créanciers et, si besoin, à monter un dossier de surendettement. Rendez-vous confidentiels et gratuits.'],
  ['Épicerie solidaire', 'aide-materielle', ['equipement-et-alimentation--alimentation', 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere'], ['familles', 'beneficiaires-des-minimas-sociaux'], 'payant', null, 12,
    'Produits alimentaires et d’hygiène à 10 à 30 % de leur prix pendant trois mois renouvelables, sur orientation d’un travailleur social. L’argent économisé sert un projet : payer une dette, passer le permis, équiper un logement.'],
  ['Accès aux droits', 'accompagnement', ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'], ['tous-publics'], 'gratuit', null, null,
    'Permanence pour vérifier ses droits et être aidé dans ses démarches : RSA, prime d’activité, complémentaire santé solidaire, aides au logement, domiciliation. Un agent remplit les dossiers avec la personne.'],
  ['Permanence logement', 'accompagnement', ['logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement', 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire', 'logement-hebergement--se-maintenir-dans-le-logement'], ['tous-publics'], 'gratuit', null, null,
    'Aide pour faire ou renouveler une demande de logement social, constituer un dossier DALO, éviter une expulsion ou chercher un hébergement temporaire. La conseillère suit la demande avec la personne.'],
  ['Garde d’enfants pour la reprise d’emploi', 'accompagnement', ['famille--garde-denfants', 'trouver-un-emploi--maintien-dans-lemploi'], ['familles', 'femmes'], 'payant', null, 26,
    'Places d’accueil réservées aux parents de jeunes enfants qui cherchent un emploi ou commencent une formation, pour six mois renouvelables, avec un accompagnement vers l’emploi. Tarif selon le barème de la CAF.'],
  ['Sport et confiance en soi', 'atelier', ['remobilisation--activites-sportives-et-culturelles', 'remobilisation--bien-etre-confiance-en-soi', 'remobilisation--lien-social'], ['tous-publics'], 'gratuit', 4, 12,
    'Séances de sport doux et collectif suivies d’un temps d’échange, pour reprendre un rythme, se sentir mieux et rencontrer d’autres personnes. Encadrées par un éducateur sportif ; aucun niveau n’est demandé.'],
  ['Permanence santé', 'accompagnement', ['sante--acces-aux-soins', 'sante--sante-mentale', 'sante--constituer-un-dossier-mdph-invalidite'], ['tous-publics'], 'gratuit', null, null,
    'Une infirmière et une médiatrice santé aident à ouvrir ses droits, à trouver un médecin traitant, à faire un bilan de santé gratuit et à constituer un dossier MDPH, avec un lien vers un psychologue si besoin.'],
  ['Créer son activité', 'accompagnement', ['creer-une-entreprise--definir-son-projet-de-creation-dentreprise', 'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise', 'creer-une-entreprise--developper-son-entreprise'], ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], 'gratuit', 4, 8,
    'Un parcours pour tester une idée de création d’entreprise : étude du marché, calcul des prix et des charges, choix du statut, démarches, avec des ateliers collectifs, des rendez-vous individuels et un microcrédit possible.'],
  ['Information collective sur l’emploi', 'information', ['choisir-un-metier--connaitre-les-opportunites-demploi', 'trouver-un-emploi--repondre-a-des-offres-demploi'], ['demandeurs-emploi'], 'gratuit', 3, 1,
    'Une matinée pour découvrir les métiers qui recrutent près de chez soi, rencontrer des employeurs et des salariés, visiter un site et s’inscrire aux prochains recrutements. Ouvert à toutes les personnes en recherche d’emploi.'],
];

const structureKinds = sql.raw(
  STRUCTURE_KINDS.map(([name, reseau], i) => `(${i}, ${q(name)}, ${q(reseau)})`).join(', '),
);
const serviceTemplates = sql.raw(
  SERVICE_TEMPLATES.map(
    ([nom, type, them, pub, frais, vol, weeks, desc], i) =>
      `(${i}, ${q(nom)}, ${q(type)}, array[${them.map(q).join(', ')}]::text[], array[${pub.map(q).join(', ')}]::text[], ${q(frais)}, ${vol ?? 'null'}::numeric, ${weeks ?? 'null'}::int, ${q(desc)})`,
  ).join(',\n'),
);
/** Cumulated shares: the département of a draw 0–99. */
const departementOf = (draw: string) => {
  let acc = 0;
  const cases = DEPARTEMENTS.map(([d, share]) => {
    acc += share;
    return `when ${draw} < ${acc} then '${d}'`;
  });
  return sql.raw(`(case ${cases.join(' ')} else '93' end)`);
};

/** Structures, services and sessions (one transaction). */
export async function insertCatalogue(db: AnyDb, input: CatalogueSeedInput): Promise<void> {
  const sizes = catalogueSizes(input.people);
  const T = isoDay(input.today);
  const now = input.now.toISOString();
  const salt = `catalogue:${input.seed}:`;
  await sql`
    create temporary table scale_cat_communes on commit drop as
    select substr(code, 1, 2) as dep, code, name, postal_codes[1] as postal, latitude, longitude,
      (row_number() over (partition by substr(code, 1, 2) order by code))::int - 1 as n,
      (count(*) over (partition by substr(code, 1, 2)))::int as total
    from communes where substr(code, 1, 2) in ('93', '75', '92', '94', '95', '77') and latitude is not null`.execute(
    db,
  );
  await sql`
    create temporary table scale_cat_orgs on commit drop as
    select id, (row_number() over (order by id))::int - 1 as n, (count(*) over ())::int as total
    from organisations where territory_id = ${input.territoryId}::uuid`.execute(db);

  // ——— Structures ———
  await sql`
    insert into catalogue_structures (territory_id, id, source, nom, date_maj, siret, telephone, courriel, site_web,
      lien_source, horaires_accueil, accessibilite_lieu, reseaux_porteurs, description, adresse, complement_adresse,
      commune, code_postal, code_insee, latitude, longitude, owner_organisation_id, status, created_at, updated_at)
    select ${input.territoryId}::uuid, ${SCALE_CATALOGUE_SOURCE} || '--st-' || s.g, ${SCALE_CATALOGUE_SOURCE},
      k.name || ' — ' || c.name,
      ${T}::date - (${H('s.h', 9)} % 400), null,
      '01 00 00 ' || lpad((s.g % 100)::text, 2, '0') || ' ' || lpad((s.g / 100 % 100)::text, 2, '0'),
      'contact-' || s.g || '@structures-idf.example', 'https://structure-' || s.g || '.example', null,
      'Du lundi au vendredi, 9 h – 17 h', null, array[k.reseau], 'Structure d’insertion de ' || c.name
        || ' : accueil, accompagnement et offres pour les habitants du territoire.',
      (1 + ${H('s.h', 17)} % 120)::text || ' rue de l’Exemple', null, c.name, c.postal, c.code,
      c.latitude + ((${H('s.h', 25)} % 2001) - 1000) * 0.000011,
      c.longitude + ((${H('s.h2', 1)} % 2001) - 1000) * 0.0000165,
      case when s.dep = '93' and ${H('s.h2', 9)} % 100 < 8 then o.id end,
      'publie', ${now}::timestamptz - interval '800 days', ${now}::timestamptz - (${H('s.h', 9)} % 400) * interval '1 day'
    from (
      select g, h, h2, ${departementOf(`${hashInt('h', 1)} % 100`)} as dep
      from (select g, md5(${salt} || 'st:' || g) as h, md5(${salt} || 'st2:' || g) as h2
        from generate_series(1, ${sizes.structures}::int) g) x
    ) s
    join (values ${structureKinds}) as k(idx, name, reseau) on k.idx = s.g % ${sql.lit(STRUCTURE_KINDS.length)}
    join scale_cat_communes c on c.dep = s.dep and c.n = ${H('s.h', 1)} / 100 % c.total
    left join scale_cat_orgs o on o.n = ${H('s.h2', 17)} % o.total`.execute(db);

  // ——— Services: every structure has about 5; position near the structure's ———
  await sql`
    insert into catalogue_services (territory_id, id, structure_id, source, nom, description, date_maj, type,
      thematiques, publics, publics_precisions, conditions_acces, frais, frais_precisions, modes_accueil,
      zone_eligibilite, modes_mobilisation, mobilisable_par, mobilisation_precisions, lien_mobilisation, lien_source,
      contact_nom_prenom, telephone, courriel, horaires_accueil, volume_horaire_hebdomadaire, nombre_semaines, adresse,
      complement_adresse, commune, code_postal, code_insee, latitude, longitude, owner_organisation_id, capacity,
      waiting_list_enabled, accepts_referrals, referral_contact_name, referral_contact_email, referral_contact_phone,
      status, suspended_until, status_reason, quality_score, search_text, created_at, updated_at)
    select ${input.territoryId}::uuid, v.id, st.id, ${SCALE_CATALOGUE_SOURCE}, t.nom, v.description, v.date_maj, t.type,
      t.them[1:(1 + ${H('v.h', 9)} % 4)], t.pub, null, null, t.frais,
      case when t.frais = 'payant' then 'Prix adapté aux revenus ; renseignements auprès de la structure.' end,
      case when v.remote then array['a-distance'] else array['en-presentiel'] end,
      case when v.remote and ${H('v.h', 17)} % 5 = 0 then array['france'] else array[substr(st.code_insee, 1, 2)] end,
      array['telephoner', 'envoyer-un-courriel'], array['professionnels', 'usagers'],
      'Prescription par le référent, avec le motif ; rendez-vous sous quinze jours.', null, null,
      'Accueil', case when v.contact then st.telephone end, case when v.contact then st.courriel end,
      'Du lundi au vendredi, 9 h – 17 h', t.vol, t.weeks,
      case when not v.remote then st.adresse end, null, case when not v.remote then st.commune end,
      case when not v.remote then st.code_postal end, case when not v.remote then st.code_insee end,
      case when not v.remote then st.latitude + ((${H('v.h', 25)} % 201) - 100) * 0.000015 end,
      case when not v.remote then st.longitude + ((${H('v.h2', 1)} % 201) - 100) * 0.00002 end,
      st.owner_organisation_id,
      case when v.sessions or ${H('v.h2', 9)} % 100 >= 82 then null
        when st.code_insee like '93%' then 1 + ${H('v.h2', 17)} % 5 else 4 + ${H('v.h2', 17)} % 13 end,
      ${H('v.h2', 25)} % 100 < 80, true, 'Accueil',
      case when st.owner_organisation_id is null then 'orientation-' || split_part(st.id, '--', 2) || '@structures-idf.example' end,
      st.telephone,
      v.status, case when v.status = 'suspendu' then ${T}::date + 7 + ${H('v.h', 13)} % 40 end,
      case when v.status = 'suspendu' then 'Accueil fermé temporairement (travaux).' end,
      -- Quality: the templates fill every criterion but contact (5 % without) and freshness.
      round(((case when v.contact then 8 else 7 end) + case when v.age <= 183 then 1.0 when v.age >= 730 then 0.0
        else (730 - v.age) / 547.0 end) / 9.0, 3),
      trim(regexp_replace(spie_unaccent(lower(t.nom || ' ' || st.nom || ' ' || v.description)), '[^a-z0-9]+', ' ', 'g')),
      ${now}::timestamptz - interval '760 days', ${now}::timestamptz - v.age * interval '1 day'
    from (
      select x.*, ${SCALE_CATALOGUE_SOURCE} || '--sv-' || x.g as id, ${T}::date - x.age as date_maj,
        t1.description || ' Accueil à ' || st1.commune || '.' as description
      from (
        select g, h, h2, ${H('h', 1)} % ${sql.lit(SERVICE_TEMPLATES.length)} as tpl,
          ${H('h', 5)} % 100 < 15 as remote, ${H('h', 21)} % 100 >= 5 as contact,
          ${H('h2', 5)} % ${sizes.services}::int < ${sizes.servicesWithSessions}::int as sessions,
          case when ${H('h', 29)} % 100 < 85 then ${H('h2', 13)} % 170 else 183 + ${H('h2', 13)} % 500 end as age,
          case when ${H('h2', 21)} % 1000 < 20 then 'suspendu' when ${H('h2', 21)} % 1000 < 30 then 'brouillon'
            when ${H('h2', 21)} % 1000 < 40 then 'archive' else 'publie' end as status
        from (select g, md5(${salt} || 'sv:' || g) as h, md5(${salt} || 'sv2:' || g) as h2
          from generate_series(1, ${sizes.services}::int) g) y
      ) x
      join (values ${serviceTemplates}) as t1(idx, nom, type, them, pub, frais, vol, weeks, description) on t1.idx = x.tpl
      join catalogue_structures st1 on st1.territory_id = ${input.territoryId}::uuid
        and st1.id = ${SCALE_CATALOGUE_SOURCE} || '--st-' || ((x.g - 1) % ${sizes.structures}::int + 1)
    ) v
    join (values ${serviceTemplates}) as t(idx, nom, type, them, pub, frais, vol, weeks, description) on t.idx = v.tpl
    join catalogue_structures st on st.territory_id = ${input.territoryId}::uuid
      and st.id = ${SCALE_CATALOGUE_SOURCE} || '--st-' || ((v.g - 1) % ${sizes.structures}::int + 1)`.execute(
    db,
  );

  // ——— Sessions: 1–4 per service chosen above (capacity null), from four months ago to six months ahead ———
  await sql`
    insert into catalogue_sessions (territory_id, id, service_id, label, start_date, end_date, places, mode, schedule,
      address, status, waiting_list_enabled, created_at, updated_at)
    select ${input.territoryId}::uuid, ${sql.raw(uuidOf('x.h'))}, x.id, 'Session ' || x.n, x.start, x.start + x.days,
      6 + ${H('x.h', 9)} % 10, case when s.modes_accueil = array['a-distance'] then 'a_distance' else 'sur_place' end,
      'Du lundi au vendredi, 9 h – 16 h', s.adresse,
      case when ${H('x.h', 17)} % 100 < 5 then 'annulee' when x.start + x.days < ${T}::date then 'terminee' else 'ouverte' end,
      ${H('x.h', 25)} % 100 < 75, ${now}::timestamptz - interval '200 days', ${now}::timestamptz - interval '20 days'
    from (
      select s.id, n, md5(${salt} || 'session:' || s.id || ':' || n) as h,
        ${T}::date - 120 + (${H(`md5(${q(salt)} || 'session:' || s.id || ':' || n)`, 1)} % 300) as start,
        7 * (1 + coalesce(s.nombre_semaines, 4) % 26) as days
      from catalogue_services s
      cross join lateral generate_series(1, 1 + ${H("md5(s.id || ':n')", 1)} % 4) as n
      where s.territory_id = ${input.territoryId}::uuid and s.source = ${SCALE_CATALOGUE_SOURCE}
        and ${H(`md5(${q(salt)} || 'sv2:' || split_part(s.id, '--sv-', 2))`, 5)} % ${sizes.services}::int < ${sizes.servicesWithSessions}::int
    ) x
    join catalogue_services s on s.territory_id = ${input.territoryId}::uuid and s.id = x.id`.execute(db);
}

/** Referrals, their history and attendance (one transaction). */
export async function insertReferrals(db: AnyDb, input: CatalogueSeedInput): Promise<void> {
  const sizes = catalogueSizes(input.people);
  const T = isoDay(input.today);
  const salt = `catalogue:${input.seed}:`;
  await sql`
    create temporary table scale_cat_people on commit drop as
    select (row_number() over (order by f.person_id))::int - 1 as n, f.person_id, f.account_id, f.organisation_id,
      (count(*) over ())::int as total
    from follow_ups f
    where f.territory_id = ${input.territoryId}::uuid and f.role = 'referent' and f.status = 'active'
      and f.account_id is not null`.execute(db);
  await sql`
    create temporary table scale_cat_services on commit drop as
    select (row_number() over (order by s.id))::int - 1 as n, s.id, s.owner_organisation_id,
      (count(*) over ())::int as total,
      (select array_agg(ss.id order by ss.start_date) from catalogue_sessions ss
        where ss.territory_id = s.territory_id and ss.service_id = s.id) as sessions
    from catalogue_services s
    where s.territory_id = ${input.territoryId}::uuid and s.source = ${SCALE_CATALOGUE_SOURCE} and s.status <> 'brouillon'`.execute(
    db,
  );
  await sql`create index on scale_cat_people (n)`.execute(db);
  await sql`create index on scale_cat_services (n)`.execute(db);
  await sql`analyze scale_cat_people, scale_cat_services`.execute(db);
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ??
        0,
    );
  const people = await count('scale_cat_people');
  const services = await count('scale_cat_services');
  if (people === 0 || services === 0) return;

  // Status by a draw 0–99; creation age by status (live referrals recent, closed ones over two years).
  await sql`
    insert into referrals (territory_id, id, person_id, service_id, session_id, sender_account_id,
      sender_organisation_id, receiving_organisation_id, status, reason, needs, shared, document_ids, consent_at,
      refusal_reason, outcome, status_note, entry_date, end_date, waitlisted_at, answered_at, reminder_sent_at,
      expires_at, revision, created_at, updated_at)
    select ${input.territoryId}::uuid, ${sql.raw(uuidOf('r.h'))}, p.person_id, s.id,
      case when s.sessions is not null then s.sessions[1 + ${H('r.h2', 1)} % cardinality(s.sessions)] end,
      p.account_id, p.organisation_id, s.owner_organisation_id, r.status,
      (array['Besoin repéré au diagnostic ; la personne est motivée pour commencer rapidement.',
        'Suite à l’entretien de suivi : cette offre répond à un frein identifié.',
        'Projet professionnel validé, étape nécessaire avant une reprise d’emploi.'])[1 + ${H('r.h2', 9)} % 3],
      '[]'::jsonb, array['coordonnees', 'besoins'], '{}'::uuid[], r.created,
      case when r.status = 'refusee' then (array['pas_de_place', 'hors_criteres', 'hors_zone', 'personne_ne_souhaite_pas',
        'personne_injoignable', 'offre_inadaptee', 'deja_accompagnee', 'autre'])[1 + ${H('r.h2', 17)} % 8] end,
      case when r.status = 'terminee' then case when ${H('r.h2', 25)} % 100 < 60 then 'reussie'
        when ${H('r.h2', 25)} % 100 < 85 then 'abandon' when ${H('r.h2', 25)} % 100 < 90 then 'exclue' else 'autre' end end,
      null,
      case when r.status in ('en_cours', 'terminee') then r.entry end,
      case when r.status = 'terminee' then least(r.entry + 7 * (2 + ${H('r.h', 25)} % 25), ${T}::date - 1) end,
      case when r.status = 'en_liste_d_attente' then r.answered end,
      case when r.status in ('en_liste_d_attente', 'acceptee', 'en_cours', 'terminee', 'refusee') then r.answered end,
      case when r.status in ('expiree') or (r.status = 'envoyee' and r.age >= 10) then r.created + interval '10 days' end,
      r.created + interval '30 days',
      case r.status when 'envoyee' then 1 when 'en_cours' then 4 when 'terminee' then 4 else 2 end,
      r.created,
      case when r.status = 'envoyee' then r.created when r.status = 'expiree' then r.created + interval '30 days'
        else r.answered end
    from (
      select y.*,
        ((${T}::date - y.age)::timestamp + interval '9 hours' + (${H('y.h', 9)} % 28800) * interval '1 second')
          at time zone 'Europe/Paris' as created,
        ((${T}::date - y.age + y.answer_days)::timestamp + interval '14 hours') at time zone 'Europe/Paris' as answered,
        ${T}::date - y.age + y.answer_days + 3 + ${H('y.h', 13)} % 25 as entry
      from (
        select x.*,
          case when x.status = 'envoyee' then x.d % 28
            when x.status = 'en_liste_d_attente' then 5 + x.d % 115
            when x.status = 'acceptee' then 3 + x.d % 57
            when x.status = 'en_cours' then 45 + x.d % 200
            else 70 + x.d % 660 end as age,
          least(1 + x.d % 14, case when x.status = 'acceptee' then 2 else 14 end) as answer_days
        from (
          select g, h, h2, ${H('h', 5)} as d,
            case when ${H('h', 1)} % 100 < 15 then 'envoyee' when ${H('h', 1)} % 100 < 20 then 'en_liste_d_attente'
              when ${H('h', 1)} % 100 < 30 then 'acceptee' when ${H('h', 1)} % 100 < 65 then 'terminee'
              when ${H('h', 1)} % 100 < 80 then 'en_cours' when ${H('h', 1)} % 100 < 90 then 'refusee'
              when ${H('h', 1)} % 100 < 95 then 'expiree' else 'annulee' end as status
          from (select g, md5(${salt} || 'ref:' || g) as h, md5(${salt} || 'ref2:' || g) as h2
            from generate_series(1, ${sizes.referrals}::int) g) z
        ) x
      ) y
    ) r
    join scale_cat_people p on p.n = ${H('r.h', 17)} % ${people}::int
    join scale_cat_services s on s.n = ${H('r.h2', 5)} % ${services}::int`.execute(db);

  // History: one row per transition (1–4 per referral).
  await sql`
    insert into referral_history (territory_id, id, referral_id, at, action, from_status, to_status, actor_account_id,
      actor_label, note)
    select r.territory_id, ${sql.raw(uuidOf("md5(r.id::text || ':' || e.action)"))}, r.id, e.at, e.action, e.from_status,
      e.to_status, e.actor, e.label, null
    from referrals r
    cross join lateral (values
      ('create', null, 'envoyee', r.created_at, r.sender_account_id, 'Référent·e'),
      (case r.status when 'en_liste_d_attente' then 'waitlist' when 'refusee' then 'refuse' when 'expiree' then 'expire'
        when 'annulee' then 'cancel' when 'envoyee' then null else 'accept' end,
        'envoyee', case when r.status in ('en_cours', 'terminee') then 'acceptee' else r.status end,
        coalesce(r.answered_at, r.updated_at), case when r.status = 'annulee' then r.sender_account_id end,
        case when r.status = 'expiree' then 'SPIE' when r.status = 'annulee' then 'Référent·e' else 'Structure d’accueil' end),
      (case when r.status in ('en_cours', 'terminee') then 'recordEntry' end, 'acceptee', 'entree',
        (r.entry_date::timestamp + interval '9 hours') at time zone 'Europe/Paris', null::uuid, 'Structure d’accueil'),
      (case r.status when 'en_cours' then 'start' when 'terminee' then 'finish' end, 'entree', r.status,
        case when r.status = 'terminee' then (r.end_date::timestamp + interval '17 hours') at time zone 'Europe/Paris'
          else (r.entry_date::timestamp + interval '10 hours') at time zone 'Europe/Paris' end, null::uuid, 'Structure d’accueil')
    ) as e(action, from_status, to_status, at, actor, label)
    where r.territory_id = ${input.territoryId}::uuid and e.action is not null
      and r.service_id like ${`${SCALE_CATALOGUE_SOURCE}--%`}`.execute(db);

  // Attendance: 2–11 weeks from the entry, never after the end nor in the current week.
  await sql`
    insert into referral_attendance (territory_id, referral_id, week_start, hours, recorded_by_account_id, via_link,
      recorded_at)
    select w.territory_id, w.id, w.week, 2 + ${H('md5(w.id::text || w.week::text)', 1)} % 25, null,
      w.receiving_organisation_id is null, (w.week + 7)::timestamp at time zone 'Europe/Paris' + interval '10 hours'
    from (
      select r.territory_id, r.id, r.receiving_organisation_id,
        (date_trunc('week', r.entry_date::timestamp)::date + 7 * k) as week, r.end_date
      from referrals r
      cross join lateral generate_series(0, 1 + ${H('md5(r.id::text)', 1)} % 10) as k
      where r.territory_id = ${input.territoryId}::uuid and r.status in ('en_cours', 'terminee')
        and r.service_id like ${`${SCALE_CATALOGUE_SOURCE}--%`}
    ) w
    where w.week <= coalesce(w.end_date, ${T}::date) and w.week + 7 <= ${T}::date`.execute(db);
}
