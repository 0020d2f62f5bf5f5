import { type Kysely, sql } from 'kysely';

const paths = "'emploi', 'socio_professionnel', 'social'";
const themes =
  "'sante', 'logement', 'mobilite', 'famille', 'finances', 'numerique', 'administratif', 'francais', 'choisir_un_metier', 'se_former', 'preparer_sa_candidature', 'trouver_un_emploi', 'creer_une_entreprise', 'international'";
const openStatuses = "'brouillon', 'propose', 'signe', 'actif', 'en_revision'";

/** Engagement contract: action plan, weekly activity, signatures (in person or by link), amendments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The territory's list of objectives and actions is a reference list like the diagnostic's.
  await sql`alter table reference_lists drop constraint reference_lists_kind_check`.execute(db);
  await sql`alter table reference_lists add constraint reference_lists_kind_check
    check (kind in ('constraint_situations', 'thematique_mapping', 'caf_mapping', 'action_plan'))`.execute(
    db,
  );

  await sql`
    create table engagement_contracts (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      kind text not null check (kind in ('engagement', 'ppae', 'cer', 'cej', 'pacea')),
      status text not null check (status in (${sql.raw(openStatuses)}, 'renouvele', 'termine')),
      -- Number of signed versions: 1 after the first signature, then one more per amendment.
      version integer not null default 0 check (version >= 0),
      orientation_id uuid,
      path text check (path in (${sql.raw(paths)})),
      organisation_id uuid,
      -- An older contract may come from an organisation that is not in SPIE.
      organisation_name text,
      referent_account_id uuid references accounts(id),
      start_on date,
      end_on date,
      weekly_target_hours numeric(5, 2) not null default 15 check (weekly_target_hours between 0 and 35),
      organisation_commitments jsonb not null default '[]',
      next_appointment jsonb,
      review_extension_reason text check (review_extension_reason in ('sante', 'handicap', 'logement', 'famille')),
      note text,
      review_due_on date,
      signed_at timestamptz,
      activated_at timestamptz,
      plan_changed boolean not null default false,
      end_reason text,
      end_note text,
      ended_at timestamptz,
      previous_contract_id uuid,
      next_contract_id uuid,
      revision integer not null default 1,
      created_by_account_id uuid references accounts(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id),
      foreign key (territory_id, orientation_id) references orientations(territory_id, id),
      foreign key (territory_id, previous_contract_id) references engagement_contracts(territory_id, id),
      check (end_on is null or start_on is null or end_on >= start_on),
      check (kind <> 'engagement' or (start_on is not null and end_on is not null))
    )`.execute(db);
  await sql`create unique index engagement_contracts_id on engagement_contracts (id)`.execute(db);
  // One engagement contract in preparation or in force per person; the history stays in closed rows.
  await sql`create unique index engagement_contracts_one_open on engagement_contracts (territory_id, person_id)
    where kind = 'engagement' and status in (${sql.raw(openStatuses)})`.execute(db);
  await sql`create index engagement_contracts_person on engagement_contracts (territory_id, person_id, created_at desc)`.execute(
    db,
  );
  // « Contrats à signer / à réviser » of a référent.
  await sql`create index engagement_contracts_referent on engagement_contracts (territory_id, referent_account_id, status)
    where status in (${sql.raw(openStatuses)})`.execute(db);
  await sql`create index engagement_contracts_review on engagement_contracts (territory_id, review_due_on)
    where status = 'actif'`.execute(db);

  await sql`
    create table contract_versions (
      territory_id uuid not null,
      contract_id uuid not null,
      version integer not null check (version >= 1),
      amendment boolean not null,
      signed_at timestamptz not null,
      signature_mode text not null check (signature_mode in ('papier', 'ecran', 'lien')),
      channel text check (channel in ('sms', 'email')),
      signed_ip text,
      recorded_by_account_id uuid references accounts(id),
      snapshot jsonb not null,
      document_id uuid,
      scan_document_id uuid,
      primary key (territory_id, contract_id, version),
      foreign key (territory_id, contract_id) references engagement_contracts(territory_id, id)
    )`.execute(db);

  await sql`
    create table contract_objectives (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      person_id uuid not null,
      position integer not null,
      code text,
      label text not null,
      theme text not null check (theme in (${sql.raw(themes)})),
      need jsonb,
      status text not null default 'en_cours' check (status in ('en_cours', 'atteint', 'abandonne')),
      status_reason text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, contract_id) references engagement_contracts(territory_id, id)
    )`.execute(db);
  await sql`create unique index contract_objectives_id on contract_objectives (id)`.execute(db);
  await sql`create index contract_objectives_contract on contract_objectives (territory_id, contract_id, position)`.execute(
    db,
  );

  await sql`
    create table contract_actions (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      objective_id uuid not null,
      person_id uuid not null,
      position integer not null,
      code text,
      label text not null,
      responsible_organisation_id uuid,
      planned_start date not null,
      planned_end date,
      planned_weekly_hours numeric(5, 2) not null default 0 check (planned_weekly_hours between 0 and 35),
      status text not null default 'prevue'
        check (status in ('prevue', 'en_cours', 'realisee', 'abandonnee_personne', 'annulee_structure')),
      status_reason text,
      -- Links to the catalogue and to referrals (filled when those exist).
      service_id uuid,
      referral_id uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, objective_id) references contract_objectives(territory_id, id),
      foreign key (territory_id, contract_id) references engagement_contracts(territory_id, id),
      foreign key (territory_id, responsible_organisation_id) references organisations(territory_id, id),
      check (planned_end is null or planned_end >= planned_start)
    )`.execute(db);
  await sql`create unique index contract_actions_id on contract_actions (id)`.execute(db);
  await sql`create index contract_actions_contract on contract_actions (territory_id, contract_id, objective_id, position)`.execute(
    db,
  );

  // Hours carried out: one row per action and week (Monday), the latest professional entry wins.
  await sql`
    create table weekly_hours (
      territory_id uuid not null,
      action_id uuid not null,
      week_start date not null check (extract(isodow from week_start) = 1),
      person_id uuid not null,
      contract_id uuid not null,
      hours numeric(5, 2) not null check (hours between 0 and 60),
      source text not null check (source in ('referent', 'organisation', 'person')),
      recorded_by_account_id uuid references accounts(id),
      recorded_at timestamptz not null,
      primary key (territory_id, action_id, week_start),
      foreign key (territory_id, action_id) references contract_actions(territory_id, id)
    )`.execute(db);
  await sql`create index weekly_hours_person on weekly_hours (territory_id, person_id, week_start) include (hours, source)`.execute(
    db,
  );

  await sql`
    create table activity_adjustments (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      person_id uuid not null,
      kind text not null check (kind in ('reduction', 'dispense')),
      ground text not null check (ground in ('sante', 'handicap_invalidite', 'parent_isole_sans_garde', 'autre')),
      justification text,
      hours numeric(5, 2) not null check (hours between 0 and 35),
      start_on date not null,
      end_on date not null,
      recorded_by_account_id uuid not null references accounts(id),
      recorded_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, contract_id) references engagement_contracts(territory_id, id),
      check (end_on >= start_on),
      check (ground <> 'autre' or justification is not null)
    )`.execute(db);
  await sql`create index activity_adjustments_contract on activity_adjustments (territory_id, contract_id, start_on)`.execute(
    db,
  );

  // Remote signature links: only the token's hash is kept; a link serves once.
  await sql`
    create table signature_links (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      person_id uuid not null,
      token_hash text not null,
      channel text not null check (channel in ('sms', 'email')),
      sent_to_masked text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      replaced_at timestamptz,
      sent_by_account_id uuid not null references accounts(id),
      created_at timestamptz not null,
      code_hash text,
      code_channel text check (code_channel in ('sms', 'email')),
      code_expires_at timestamptz,
      code_attempts integer not null default 0,
      codes_sent integer not null default 0,
      verified_at timestamptz,
      ticket_hash text,
      ticket_expires_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, contract_id) references engagement_contracts(territory_id, id)
    )`.execute(db);
  await sql`create unique index signature_links_token on signature_links (token_hash)`.execute(db);
  await sql`create index signature_links_open on signature_links (territory_id, contract_id)
    where used_at is null and replaced_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
