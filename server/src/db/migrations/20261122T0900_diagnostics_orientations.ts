import { type Kysely, sql } from 'kysely';

const paths = "'emploi', 'socio_professionnel', 'social'";
const leadKinds = "'france_travail', 'mission_locale', 'cap_emploi', 'departement'";

/** Common diagnostic (versioned, joint), territory reference lists, ROME jobs, orientations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Letters SPIE writes to the person (orientation decision…) are kept in their documents.
  await sql`alter table documents drop constraint documents_category_check`.execute(db);
  await sql`alter table documents add constraint documents_category_check
    check (category in ('identity', 'contract', 'diagnostic', 'certificate', 'letter', 'other'))`.execute(db);
  // ROME job titles (national reference, loaded from server/data/rome at start when empty).
  await sql`
    create table rome_appellations (
      code text primary key,
      label text not null,
      rome_code text not null,
      rome_label text not null,
      search_text text collate "C" not null
    )`.execute(db);
  await sql`create index rome_appellations_trgm on rome_appellations using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index rome_appellations_prefix on rome_appellations (search_text)`.execute(db);

  // Territory-editable reference lists; every edit is a new version (version 0 = national default, not stored).
  await sql`
    create table reference_lists (
      territory_id uuid not null references territories(id),
      kind text not null check (kind in ('constraint_situations', 'thematique_mapping', 'caf_mapping')),
      version integer not null check (version >= 1),
      content jsonb not null,
      created_by_account_id uuid references accounts(id),
      created_at timestamptz not null default now(),
      primary key (territory_id, kind, version)
    )`.execute(db);

  // CAF socio-professional data (DIFSOC, DIFLOG, DIFDISP, NATMOB) received for a person.
  await sql`
    create table person_caf_socio_pro (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      code text not null check (code in ('DIFSOC', 'DIFLOG', 'DIFDISP', 'NATMOB')),
      value text not null,
      received_on date not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create index person_caf_socio_pro_person on person_caf_socio_pro (territory_id, person_id)`.execute(
    db,
  );

  await sql`
    create table diagnostics (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      version integer check (version >= 1),
      status text not null check (status in ('draft', 'completed')),
      content jsonb not null,
      recommended_path text not null check (recommended_path in (${sql.raw(paths)})),
      recommendation jsonb not null,
      chosen_path text check (chosen_path in (${sql.raw(paths)})),
      chosen_path_reason text,
      contributions jsonb not null default '{}',
      referential_version integer not null default 0,
      revision integer not null default 1,
      created_by_account_id uuid references accounts(id),
      created_by_organisation_id uuid,
      completed_by_account_id uuid references accounts(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      completed_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      check ((status = 'draft') = (version is null)),
      check (chosen_path is null or chosen_path_reason is not null)
    )`.execute(db);
  await sql`create unique index diagnostics_version on diagnostics (territory_id, person_id, version) where version is not null`.execute(
    db,
  );
  await sql`create unique index diagnostics_one_draft on diagnostics (territory_id, person_id) where status = 'draft'`.execute(
    db,
  );

  await sql`
    create table diagnostic_authors (
      territory_id uuid not null,
      diagnostic_id uuid not null,
      account_id uuid not null references accounts(id),
      organisation_id uuid not null,
      field text not null check (field in ('social', 'employment')),
      confirmed_at timestamptz not null,
      primary key (territory_id, diagnostic_id, account_id),
      foreign key (territory_id, diagnostic_id) references diagnostics(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id)
    )`.execute(db);

  await sql`
    create table orientations (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      status text not null check (status in ('a_orienter', 'proposee', 'decidee', 'notifiee', 'referent_designe', 'remplacee', 'classee')),
      source text not null check (source in ('rsa', 'france_travail', 'mission_locale', 'cap_emploi', 'manual', 'reorientation')),
      information_received_on date,
      deadline date,
      deadline_past_at_creation boolean not null default false,
      recommended_path text check (recommended_path in (${sql.raw(paths)})),
      proposal jsonb,
      path text check (path in (${sql.raw(paths)})),
      lead_kind text check (lead_kind in (${sql.raw(leadKinds)})),
      organisation_id uuid,
      proposed_referent_account_id uuid references accounts(id),
      decision_reason text,
      decided_by_account_id uuid references accounts(id),
      decided_at timestamptz,
      notified_at timestamptz,
      contract_deadline date,
      letter_document_id uuid,
      referent_account_id uuid references accounts(id),
      assigned_by_account_id uuid references accounts(id),
      assigned_at timestamptz,
      previous_orientation_id uuid,
      ended_at timestamptz,
      end_reason text,
      created_by_account_id uuid references accounts(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id),
      foreign key (territory_id, previous_orientation_id) references orientations(territory_id, id),
      check (status in ('a_orienter', 'proposee', 'classee') or (path is not null and organisation_id is not null and decided_at is not null))
    )`.execute(db);
  await sql`create unique index orientations_id on orientations (id)`.execute(db);
  // One open orientation per person (waiting, or in force); the history stays in closed rows.
  await sql`create unique index orientations_one_open on orientations (territory_id, person_id) where status in ('a_orienter', 'proposee', 'decidee', 'notifiee', 'referent_designe')`.execute(
    db,
  );
  // The "À orienter" queue, read in deadline order.
  await sql`create index orientations_queue on orientations (territory_id, deadline, id) where status in ('a_orienter', 'proposee')`.execute(
    db,
  );
  await sql`create index orientations_person on orientations (territory_id, person_id, created_at desc)`.execute(
    db,
  );
  // "À affecter": oriented to an organisation, no référent yet.
  await sql`create index orientations_to_assign on orientations (territory_id, organisation_id, decided_at, id) where status in ('decidee', 'notifiee')`.execute(
    db,
  );
  await sql`create index orientations_decided on orientations (territory_id, decided_at) where decided_at is not null`.execute(
    db,
  );
  // The previous orientation of a reorientation: history reads, and the self-reference's checks.
  await sql`create index orientations_previous on orientations (territory_id, previous_orientation_id) where previous_orientation_id is not null`.execute(
    db,
  );

  await sql`
    create table reorientation_requests (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      orientation_id uuid not null,
      person_id uuid not null,
      status text not null check (status in ('demandee', 'acceptee', 'refusee')),
      reason text not null,
      proposed_path text not null check (proposed_path in (${sql.raw(paths)})),
      proposed_lead_kind text check (proposed_lead_kind in (${sql.raw(leadKinds)})),
      proposed_organisation_id uuid,
      requested_by_account_id uuid not null references accounts(id),
      requested_by_organisation_id uuid not null,
      requested_at timestamptz not null,
      answered_by_account_id uuid references accounts(id),
      answered_at timestamptz,
      answer_reason text,
      new_orientation_id uuid,
      primary key (territory_id, id),
      foreign key (territory_id, orientation_id) references orientations(territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create unique index reorientation_requests_id on reorientation_requests (id)`.execute(db);
  await sql`create unique index reorientation_requests_one_pending on reorientation_requests (territory_id, orientation_id) where status = 'demandee'`.execute(
    db,
  );
  await sql`create index reorientation_requests_pending on reorientation_requests (territory_id, requested_at, id) where status = 'demandee'`.execute(
    db,
  );
  await sql`create index reorientation_requests_requester on reorientation_requests (territory_id, requested_by_account_id, requested_at desc)`.execute(
    db,
  );
  await sql`create index reorientation_requests_orientation on reorientation_requests (territory_id, orientation_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
