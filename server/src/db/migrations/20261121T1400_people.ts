import { type Kysely, sql } from 'kysely';

const statusKinds = [
  'rsa',
  'ass',
  'aah',
  'are',
  'prime_activite',
  'rqth',
  'france_travail_registration',
  'cej',
  'pacea',
  'siae_contract',
  'plie',
  'pass_iae',
  'work_situation',
];
const sections = [
  'identity',
  'situation',
  'diagnostic',
  'sensitive',
  'journey',
  'documents',
  'consultations',
];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The shared person record (issue: one journey per person across organisations). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table persons (
      territory_id uuid not null references territories(id),
      id uuid not null default gen_random_uuid(),
      civility text check (civility in ('M.', 'Mme')),
      sex text not null check (sex in ('M', 'F')),
      birth_name text not null,
      usage_name text,
      first_names text[] not null check (cardinality(first_names) between 1 and 4),
      birth_date date not null,
      birth_commune_code text references communes(code),
      birth_country_code text check (birth_country_code ~ '^99[0-9]{3}$'),
      address_line text,
      postal_code text,
      commune_code text references communes(code),
      phone_mobile text,
      phone_other text,
      email text,
      preferred_channel text check (preferred_channel in ('sms', 'email', 'letter', 'phone')),
      language text,
      nir_encrypted text,
      nir_index text,
      nir_masked text,
      benefit_organism text check (benefit_organism in ('caf', 'msa')),
      benefit_matricule text,
      household_role text check (household_role in ('demandeur', 'conjoint')),
      france_travail_id text,
      internal_id text,
      partner_id uuid,
      dependent_children smallint not null default 0 check (dependent_children between 0 and 20),
      children_age_bands text[] not null default '{}',
      lone_parent boolean not null default false,
      identity_version integer not null default 1,
      household_version integer not null default 1,
      -- "C" collation: byte order, so one btree serves both LIKE 'prefix%' and ORDER BY.
      search_text text collate "C" not null default '',
      merged_into_id uuid,
      merged_at timestamptz,
      created_by_account_id uuid references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_contact_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, partner_id) references persons(territory_id, id),
      foreign key (territory_id, merged_into_id) references persons(territory_id, id)
    )`.execute(db);
  // Search key kept by the database itself, so every writer (app, seed, import) agrees.
  await sql`
    create function persons_search_text() returns trigger language plpgsql as $$
    begin
      new.search_text := spie_unaccent(lower(concat_ws(' ',
        new.birth_name, nullif(new.usage_name, ''), array_to_string(new.first_names, ' '))));
      return new;
    end $$`.execute(db);
  await sql`
    create trigger persons_search_text before insert or update of birth_name, usage_name, first_names on persons
    for each row execute function persons_search_text()`.execute(db);
  await sql`create unique index persons_id on persons (id)`.execute(db);
  await sql`create index persons_search on persons using gin (search_text gin_trgm_ops)`.execute(db);
  // Results as one types: names starting with the input, read in order straight from this index.
  await sql`create index persons_search_prefix on persons (territory_id, search_text, id) where merged_into_id is null`.execute(
    db,
  );
  await sql`create index persons_birth_date on persons (territory_id, birth_date)`.execute(db);
  await sql`create unique index persons_nir on persons (territory_id, nir_index) where nir_index is not null and merged_into_id is null`.execute(
    db,
  );
  await sql`create index persons_benefit on persons (territory_id, benefit_matricule) where benefit_matricule is not null`.execute(
    db,
  );
  await sql`create index persons_france_travail on persons (territory_id, france_travail_id) where france_travail_id is not null`.execute(
    db,
  );
  // Records merged into a kept one are read with it (timeline, consultations): find them by index.
  await sql`create index persons_merged_into on persons (territory_id, merged_into_id) where merged_into_id is not null`.execute(
    db,
  );

  await sql`
    create table person_statuses (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      kind text not null check (kind in (${list(statusKinds)})),
      value text,
      details jsonb not null default '{}',
      source text not null default 'manual' check (source in ('manual', 'caf', 'france_travail')),
      start_date date not null,
      end_date date,
      recorded_by_account_id uuid references accounts(id),
      recorded_at timestamptz not null default now(),
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      check (end_date is null or end_date >= start_date)
    )`.execute(db);
  await sql`create index person_statuses_person on person_statuses (territory_id, person_id, start_date desc)`.execute(
    db,
  );
  await sql`create index person_statuses_current on person_statuses (territory_id, kind, person_id) where end_date is null`.execute(
    db,
  );

  await sql`
    create table follow_ups (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      organisation_id uuid not null,
      account_id uuid references accounts(id),
      role text not null check (role in ('referent', 'co_referent', 'intervenant')),
      status text not null check (status in ('requested', 'invited', 'active', 'declined', 'ended')),
      reason text,
      end_reason text,
      created_by_account_id uuid references accounts(id),
      answered_by_account_id uuid references accounts(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      ended_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create unique index follow_ups_id on follow_ups (id)`.execute(db);
  // At most one active référent unique per person; the history stays in ended rows.
  await sql`create unique index follow_ups_one_referent on follow_ups (territory_id, person_id) where role = 'referent' and status = 'active'`.execute(
    db,
  );
  await sql`create index follow_ups_person on follow_ups (territory_id, person_id, status)`.execute(db);
  await sql`create index follow_ups_account on follow_ups (account_id, territory_id, person_id) where status = 'active'`.execute(
    db,
  );
  await sql`create index follow_ups_organisation on follow_ups (territory_id, organisation_id, person_id) where status = 'active'`.execute(
    db,
  );
  // Follow-ups by a whole organisation (no named professional) are read with one's own ones.
  await sql`create index follow_ups_organisation_level on follow_ups (territory_id, organisation_id, person_id) where status = 'active' and account_id is null`.execute(
    db,
  );
  await sql`create index follow_ups_pending on follow_ups (territory_id, person_id) where status in ('requested', 'invited')`.execute(
    db,
  );

  await sql`
    create table person_information (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      informed_on date not null,
      channel text not null check (channel in ('sms', 'email', 'letter', 'phone', 'in_person')),
      recorded_by_account_id uuid references accounts(id),
      recorded_at timestamptz not null default now(),
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);

  await sql`
    create table person_consents (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      section text not null check (section in (${list(sections)})),
      organisation_id uuid not null,
      decision text not null check (decision in ('consent', 'objection')),
      recorded_by_account_id uuid references accounts(id),
      recorded_at timestamptz not null default now(),
      withdrawn_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create unique index person_consents_active on person_consents (territory_id, person_id, section, organisation_id) where withdrawn_at is null`.execute(
    db,
  );

  // Sensitive notes are encrypted at rest like the NIR: they are what must never leak.
  await sql`
    create table sensitive_notes (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      category text not null check (category in ('health', 'justice', 'violence')),
      text_encrypted text not null,
      author_account_id uuid references accounts(id),
      organisation_id uuid,
      created_at timestamptz not null default now(),
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create index sensitive_notes_person on sensitive_notes (territory_id, person_id, created_at desc)`.execute(
    db,
  );

  await sql`
    create table timeline_events (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      occurred_at timestamptz not null,
      type text not null,
      section text not null check (section in (${list(sections)})),
      summary text not null,
      actor_account_id uuid,
      organisation_id uuid,
      link text,
      source_event_id uuid,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create index timeline_person on timeline_events (territory_id, person_id, occurred_at desc, id desc)`.execute(
    db,
  );
  // A redelivered domain event must not add its entry twice.
  await sql`create unique index timeline_source_event on timeline_events (source_event_id, person_id) where source_event_id is not null`.execute(
    db,
  );

  await sql`
    create table documents (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      category text not null check (category in ('identity', 'contract', 'diagnostic', 'certificate', 'other')),
      section text not null check (section in (${list(sections)})),
      filename text not null,
      content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      sha256 text not null,
      content bytea,
      retention_until date,
      uploaded_by_account_id uuid references accounts(id),
      organisation_id uuid,
      uploaded_at timestamptz not null default now(),
      deleted_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create unique index documents_id on documents (id)`.execute(db);
  await sql`create index documents_person on documents (territory_id, person_id, uploaded_at desc) where deleted_at is null`.execute(
    db,
  );

  // A merge remembers what it moved, so it can be undone for 30 days.
  await sql`
    create table person_merges (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      kept_id uuid not null,
      merged_id uuid not null,
      moved jsonb not null,
      reason text not null,
      merged_by_account_id uuid references accounts(id),
      merged_at timestamptz not null default now(),
      undone_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, kept_id) references persons(territory_id, id),
      foreign key (territory_id, merged_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create unique index person_merges_id on person_merges (id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
