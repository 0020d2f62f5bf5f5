import { type Kysely, sql } from 'kysely';

const publicationStatuses = "'brouillon', 'publie', 'suspendu', 'archive'";
const referralStatuses =
  "'envoyee', 'en_liste_d_attente', 'acceptee', 'refusee', 'expiree', 'annulee', 'entree', 'en_cours', 'terminee'";
const refusalReasons =
  "'pas_de_place', 'hors_criteres', 'hors_zone', 'personne_ne_souhaite_pas', 'personne_injoignable', 'offre_inadaptee', 'deja_accompagnee', 'autre'";

/**
 * Catalogue of insertion offers (data·inclusion v1.0.8 structures and services, with SPIE's places,
 * sessions and publication status kept in their own columns) and referrals followed to the
 * outcome (issue 7). Distances use cube/earthdistance (both engines ship them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const ext of ['cube', 'earthdistance']) {
    await sql`create extension if not exists ${sql.raw(ext)}`.execute(db);
  }

  // ——— Structures: every data·inclusion field under its schema name, then SPIE's ———
  await sql`
    create table catalogue_structures (
      territory_id uuid not null references territories(id),
      id text not null check (id ~ '^[A-Za-z0-9][A-Za-z0-9-]*--.+$'),
      source text not null,
      nom text not null,
      date_maj date not null,
      siret text,
      telephone text,
      courriel text,
      site_web text,
      lien_source text,
      horaires_accueil text,
      accessibilite_lieu text,
      reseaux_porteurs text[],
      description text,
      adresse text,
      complement_adresse text,
      commune text,
      code_postal text,
      code_insee text,
      latitude double precision,
      longitude double precision,
      owner_organisation_id uuid,
      status text not null default 'publie' check (status in (${sql.raw(publicationStatuses)})),
      revision integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, owner_organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create index catalogue_structures_name on catalogue_structures using gin (spie_unaccent(lower(nom)) gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index catalogue_structures_owner on catalogue_structures (territory_id, owner_organisation_id)`.execute(
    db,
  );

  // ——— Services ———
  await sql`
    create table catalogue_services (
      territory_id uuid not null,
      id text not null check (id ~ '^[A-Za-z0-9][A-Za-z0-9-]*--.+$'),
      structure_id text not null,
      source text not null,
      nom text not null,
      description text not null,
      date_maj date not null,
      type text,
      thematiques text[],
      publics text[],
      publics_precisions text,
      conditions_acces text,
      frais text,
      frais_precisions text,
      modes_accueil text[],
      zone_eligibilite text[],
      modes_mobilisation text[],
      mobilisable_par text[],
      mobilisation_precisions text,
      lien_mobilisation text,
      lien_source text,
      contact_nom_prenom text,
      telephone text,
      courriel text,
      horaires_accueil text,
      volume_horaire_hebdomadaire numeric(5, 2),
      nombre_semaines integer,
      adresse text,
      complement_adresse text,
      commune text,
      code_postal text,
      code_insee text,
      latitude double precision,
      longitude double precision,
      -- SPIE's additions (never exported)
      owner_organisation_id uuid,
      capacity integer check (capacity >= 0),
      waiting_list_enabled boolean not null default true,
      accepts_referrals boolean not null default true,
      referral_contact_name text,
      referral_contact_email text,
      referral_contact_phone text,
      status text not null default 'brouillon' check (status in (${sql.raw(publicationStatuses)})),
      suspended_until date,
      status_reason text,
      quality_score numeric(4, 3) not null default 0,
      -- nom + structure + description, without accents (kernel searchText), for the trigram index
      search_text text not null default '',
      freshness_reminded_at timestamptz,
      revision integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, structure_id) references catalogue_structures(territory_id, id),
      foreign key (territory_id, owner_organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`
    create index catalogue_services_earth on catalogue_services
      using gist (ll_to_earth(latitude, longitude))
      where status = 'publie' and latitude is not null and longitude is not null`.execute(db);
  await sql`create index catalogue_services_thematiques on catalogue_services using gin (thematiques) where status = 'publie'`.execute(
    db,
  );
  await sql`create index catalogue_services_text on catalogue_services using gin (search_text gin_trgm_ops) where status = 'publie'`.execute(
    db,
  );
  await sql`create index catalogue_services_owner on catalogue_services (territory_id, owner_organisation_id, status, nom, id)`.execute(
    db,
  );
  await sql`create index catalogue_services_structure on catalogue_services (territory_id, structure_id)`.execute(
    db,
  );
  await sql`create index catalogue_services_freshness on catalogue_services (territory_id, date_maj) where status in ('publie', 'suspendu')`.execute(
    db,
  );

  await sql`
    create table catalogue_sessions (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      service_id text not null,
      label text,
      start_date date not null,
      end_date date check (end_date is null or end_date >= start_date),
      places integer check (places >= 0),
      mode text not null default 'sur_place' check (mode in ('sur_place', 'a_distance', 'mixte')),
      schedule text,
      address text,
      status text not null default 'ouverte' check (status in ('ouverte', 'complete', 'annulee', 'terminee')),
      waiting_list_enabled boolean not null default true,
      revision integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, service_id) references catalogue_services(territory_id, id)
    )`.execute(db);
  await sql`create index catalogue_sessions_service on catalogue_sessions (territory_id, service_id, start_date)`.execute(
    db,
  );

  // ——— Referrals ———
  await sql`
    create table referrals (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      service_id text not null,
      session_id uuid,
      sender_account_id uuid not null references accounts(id),
      sender_organisation_id uuid not null,
      -- the service's owner in SPIE; null: the organisation answers through a link
      receiving_organisation_id uuid,
      status text not null check (status in (${sql.raw(referralStatuses)})),
      reason text not null,
      needs jsonb not null default '[]',
      shared text[] not null default '{}',
      document_ids uuid[] not null default '{}',
      consent_at timestamptz not null,
      refusal_reason text check (refusal_reason in (${sql.raw(refusalReasons)})),
      outcome text check (outcome in ('reussie', 'abandon', 'exclue', 'autre')),
      status_note text,
      entry_date date,
      end_date date,
      waitlisted_at timestamptz,
      answered_at timestamptz,
      reminder_sent_at timestamptz,
      expires_at timestamptz,
      contract_action_id uuid,
      revision integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, service_id) references catalogue_services(territory_id, id),
      foreign key (territory_id, session_id) references catalogue_sessions(territory_id, id),
      foreign key (territory_id, sender_organisation_id) references organisations(territory_id, id),
      foreign key (territory_id, receiving_organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create unique index referrals_id on referrals (id)`.execute(db);
  await sql`create index referrals_person on referrals (territory_id, person_id, created_at desc)`.execute(
    db,
  );
  await sql`create index referrals_service on referrals (territory_id, service_id, status) include (session_id, created_at, answered_at)`.execute(
    db,
  );
  await sql`create index referrals_received on referrals (territory_id, receiving_organisation_id, created_at desc, id)`.execute(
    db,
  );
  await sql`create index referrals_sent_org on referrals (territory_id, sender_organisation_id, created_at desc, id)`.execute(
    db,
  );
  await sql`create index referrals_sent_account on referrals (territory_id, sender_account_id, created_at desc, id)`.execute(
    db,
  );
  await sql`create index referrals_awaiting on referrals (territory_id, expires_at) where status = 'envoyee'`.execute(
    db,
  );
  await sql`create index referrals_live_person on referrals (territory_id, person_id) where status in ('envoyee', 'en_liste_d_attente', 'acceptee', 'entree', 'en_cours')`.execute(
    db,
  );

  await sql`
    create table referral_history (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      referral_id uuid not null,
      at timestamptz not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_account_id uuid references accounts(id),
      -- who acted, as shown (a name, « Lien envoyé à la structure », « SPIE »)
      actor_label text not null,
      note text,
      primary key (territory_id, id),
      foreign key (territory_id, referral_id) references referrals(territory_id, id)
    )`.execute(db);
  await sql`create index referral_history_referral on referral_history (territory_id, referral_id, at)`.execute(
    db,
  );

  await sql`
    create table referral_attendance (
      territory_id uuid not null,
      referral_id uuid not null,
      week_start date not null check (extract(isodow from week_start) = 1),
      hours numeric(5, 2) not null check (hours between 0 and 60),
      recorded_by_account_id uuid references accounts(id),
      via_link boolean not null default false,
      recorded_at timestamptz not null,
      primary key (territory_id, referral_id, week_start),
      foreign key (territory_id, referral_id) references referrals(territory_id, id)
    )`.execute(db);

  await sql`
    create table referral_links (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      referral_id uuid not null,
      token_hash bytea not null,
      sent_to text not null,
      expires_at timestamptz not null,
      replaced_at timestamptz,
      created_by_account_id uuid references accounts(id),
      created_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, referral_id) references referrals(territory_id, id)
    )`.execute(db);
  await sql`create unique index referral_links_token on referral_links (token_hash)`.execute(db);
  await sql`create index referral_links_referral on referral_links (territory_id, referral_id, created_at desc)`.execute(
    db,
  );

  // A contract action may come from a referral; catalogue ids are data·inclusion text ids.
  await sql`alter table contract_actions alter column service_id type text using service_id::text`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
