import { type Kysely, sql } from 'kysely';

const organisationKinds = [
  'departement',
  'delegataire_departement',
  'france_travail',
  'mission_locale',
  'cap_emploi',
  'plie',
  'caf',
  'msa',
  'ccas_cias',
  'mdph',
  'siae_aci',
  'siae_ai',
  'siae_ei',
  'siae_etti',
  'siae_eiti',
  'geiq',
  'ea_esat',
  'association',
  'organisme_formation',
  'employeur',
  'spip',
];
const roles = [
  'professional',
  'social_worker',
  'orientation_manager',
  'structure_manager',
  'territory_admin',
  'steering_viewer',
];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  // gen_random_uuid() is built in since PostgreSQL 13: no pgcrypto needed.
  for (const ext of ['pg_trgm', 'unaccent']) {
    await sql`create extension if not exists ${sql.raw(ext)}`.execute(db);
  }

  // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it (standard practice).
  await sql`
    create or replace function spie_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);

  // Platform reference data: French communes (centroids), loaded from the shipped TSV.
  await sql`
    create table communes (
      code text primary key,
      name text not null,
      postal_codes text[] not null default '{}',
      latitude double precision,
      longitude double precision
    )`.execute(db);
  await sql`create index communes_name_trgm on communes using gin (spie_unaccent(lower(name)) gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table territories (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      settings jsonb not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table organisations (
      territory_id uuid not null references territories(id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in (${list(organisationKinds)})),
      name text not null check (length(name) between 1 and 200),
      siret text check (siret ~ '^[0-9]{14}$'),
      safir_code text check (safir_code ~ '^[0-9]{5}$'),
      address_line text,
      postal_code text,
      commune_code text references communes(code),
      email text,
      phone text,
      sensitive boolean not null default false,
      parent_id uuid,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (territory_id, id),
      foreign key (territory_id, parent_id) references organisations(territory_id, id),
      check (parent_id is null or parent_id <> id)
    )`.execute(db);
  await sql`create unique index organisations_id on organisations (id)`.execute(db);
  await sql`create unique index organisations_siret on organisations (territory_id, siret) where siret is not null`.execute(
    db,
  );
  await sql`create index organisations_name on organisations (territory_id, lower(name))`.execute(db);

  // Accounts are identities of humans (platform-wide, like OIDC subjects); what a human may do
  // in a territory comes from memberships, which are tenant rows.
  await sql`
    create table accounts (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and position('@' in email) > 1),
      first_name text not null,
      last_name text not null,
      phone text,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index accounts_email on accounts (email)`.execute(db);
  await sql`create index accounts_name on accounts (lower(last_name), lower(first_name), id)`.execute(db);

  await sql`
    create table memberships (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      account_id uuid not null references accounts(id),
      organisation_id uuid not null,
      role text not null check (role in (${list(roles)})),
      created_at timestamptz not null default now(),
      ended_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create unique index memberships_id on memberships (id)`.execute(db);
  await sql`create unique index memberships_one_active on memberships (account_id, organisation_id, role) where ended_at is null`.execute(
    db,
  );
  await sql`create index memberships_org on memberships (territory_id, organisation_id) where ended_at is null`.execute(
    db,
  );

  await sql`
    create table sessions (
      id_hash text primary key,
      account_id uuid not null references accounts(id),
      active_membership_id uuid references memberships(id),
      login_method text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index sessions_account on sessions (account_id) where revoked_at is null`.execute(db);

  // Append-only, hash-chained audit log: one chain per territory (or 'platform').
  await sql`
    create table audit_log (
      seq bigserial primary key,
      chain text not null,
      territory_id uuid,
      at timestamptz not null,
      account_id uuid,
      membership_id uuid,
      organisation_id uuid,
      role text,
      action text not null,
      subject_type text,
      subject_id text,
      person_id uuid,
      section text,
      outcome text not null check (outcome in ('success', 'denied', 'failure')),
      request_id text,
      details jsonb,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_chain on audit_log (chain, seq)`.execute(db);
  // Head of each chain: locked by every append (serialises a chain), and lets verification
  // notice rows removed from the end.
  await sql`
    create table audit_heads (
      chain text primary key,
      seq bigint not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_territory on audit_log (territory_id, seq desc)`.execute(db);
  await sql`create index audit_log_person on audit_log (person_id, seq desc) where person_id is not null`.execute(
    db,
  );
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = 'P0001';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await sql`
    create table outbox_events (
      id uuid primary key default gen_random_uuid(),
      territory_id uuid,
      type text not null,
      payload jsonb not null,
      occurred_at timestamptz not null default now(),
      available_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      delivered_to text[] not null default '{}',
      last_error text,
      delivered_at timestamptz
    )`.execute(db);
  await sql`create index outbox_pending on outbox_events (available_at) where status = 'pending'`.execute(db);

  await sql`
    create table notifications (
      territory_id uuid not null references territories(id),
      id uuid not null default gen_random_uuid(),
      channel text not null check (channel in ('email', 'sms', 'letter')),
      recipient text not null,
      recipient_account_id uuid references accounts(id),
      person_id uuid,
      created_by_account_id uuid references accounts(id),
      subject text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      provider_id text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      primary key (territory_id, id)
    )`.execute(db);
  await sql`create index notifications_pending on notifications (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index notifications_recent on notifications (territory_id, created_at desc, id desc)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration is not reversible; restore a backup instead.');
}
