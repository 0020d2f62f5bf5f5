import { type Kysely, sql } from 'kysely';

const ruleIds =
  "'no_contact', 'lost_contact', 'orientation_overdue', 'referent_missing', 'contract_unsigned', 'contract_review_due', 'contract_ended_no_successor', 'journey_gap', 'activity_below_plan', 'turning_26', 'rsa_suspended_or_closed', 'siae_contract_ending', 'employment_checkpoint', 'periodic_review_due'";
const appointmentTypes =
  "'orientation', 'diagnostic', 'accompagnement', 'signature', 'suivi', 'point_de_situation'";
const modes = "'sur_place', 'telephone', 'visio'";

/**
 * Systematic review (alerts with their history, contacts, « points de situation »), appointments
 * and remobilisation campaigns (issue 6).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // ——— Contacts: what resets the lost-contact clock (persons.last_contact_at keeps the latest) ———
  await sql`
    create table person_contacts (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      kind text not null check (kind in ('appel', 'message', 'visite', 'rendez_vous')),
      occurred_at timestamptz not null,
      account_id uuid references accounts(id),
      organisation_id uuid,
      note text,
      appointment_id uuid,
      recorded_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create index person_contacts_person on person_contacts (territory_id, person_id, occurred_at desc)`.execute(
    db,
  );
  // « Sans contact » / « perdu·e de vue »: the people whose last contact is old enough, by index.
  await sql`create index persons_last_contact on persons (territory_id, last_contact_at) where merged_into_id is null`.execute(
    db,
  );
  // Contact data found invalid by a delivery report (to correct on the record).
  await sql`alter table persons add column phone_invalid_at timestamptz, add column email_invalid_at timestamptz`.execute(
    db,
  );

  // ——— Alerts: one row per person × rule × episode, never raised twice for the same episode ———
  await sql`
    create table alerts (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      rule_id text not null check (rule_id in (${sql.raw(ruleIds)})),
      episode_key text not null,
      severity text not null check (severity in ('haute', 'moyenne', 'basse')),
      status text not null default 'ouverte' check (status in ('ouverte', 'prise_en_compte', 'resolue')),
      -- Facts of the episode (dates, counts) from which the French detail is written.
      details jsonb not null default '{}',
      since date,
      opened_at timestamptz not null,
      acknowledged_at timestamptz,
      acknowledged_by_account_id uuid references accounts(id),
      note text,
      next_step_on date,
      snoozed_until date,
      snooze_reason text,
      resolved_at timestamptz,
      resolution text check (resolution in ('condition_levee', 'remplacee', 'suivi_termine')),
      -- The person's référent unique while the alert is open (kept current by the evaluation):
      -- the managers' counts by organisation and référent read them from one index.
      referent_organisation_id uuid,
      referent_account_id uuid,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      check ((status = 'resolue') = (resolved_at is not null))
    )`.execute(db);
  await sql`create unique index alerts_id on alerts (id)`.execute(db);
  await sql`create unique index alerts_episode on alerts (territory_id, rule_id, person_id, episode_key)`.execute(
    db,
  );
  await sql`create index alerts_open_person on alerts (territory_id, person_id) include (rule_id, severity, snoozed_until) where status <> 'resolue'`.execute(
    db,
  );
  // The evaluation of a rule reads its open alerts with their episode (index-only).
  await sql`create index alerts_open_rule on alerts (territory_id, rule_id, person_id) include (episode_key) where status <> 'resolue'`.execute(
    db,
  );
  await sql`create index alerts_open_referent on alerts (territory_id, referent_organisation_id, rule_id, person_id) include (referent_account_id) where status <> 'resolue'`.execute(
    db,
  );
  await sql`create index alerts_resolved_person on alerts (territory_id, person_id, resolved_at desc) where status = 'resolue'`.execute(
    db,
  );

  await sql`
    create table alert_history (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      alert_id uuid not null,
      at timestamptz not null,
      action text not null check (action in ('ouverte', 'prise_en_compte', 'reportee', 'reprise', 'resolue')),
      account_id uuid references accounts(id),
      note text,
      next_step_on date,
      snoozed_until date,
      primary key (territory_id, id),
      foreign key (territory_id, alert_id) references alerts(territory_id, id)
    )`.execute(db);
  await sql`create index alert_history_alert on alert_history (territory_id, alert_id, at)`.execute(db);

  // ——— « Point de situation » (periodic review of each person followed) ———
  await sql`
    create table situation_reviews (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      account_id uuid not null references accounts(id),
      organisation_id uuid not null,
      reviewed_on date not null,
      situation text not null,
      next_step text not null,
      next_step_on date not null,
      with_person boolean not null,
      created_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create index situation_reviews_person on situation_reviews (territory_id, person_id, reviewed_on desc)`.execute(
    db,
  );

  // ——— Appointments ———
  await sql`
    create table appointments (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      organisation_id uuid not null,
      type text not null check (type in (${sql.raw(appointmentTypes)})),
      starts_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 10 and 480),
      mode text not null check (mode in (${sql.raw(modes)})),
      address text,
      visio_url text,
      status text not null default 'prevu' check (status in ('prevu', 'honore', 'excuse', 'absent', 'annule')),
      status_reason text,
      outcome_note text,
      note text,
      source text not null default 'manuel' check (source in ('manuel', 'campagne', 'convocation')),
      campaign_id uuid,
      confirmation_sent_at timestamptz,
      reminder_sent_at timestamptz,
      revision integer not null default 1,
      created_by_account_id uuid references accounts(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id),
      check (mode <> 'sur_place' or address is not null),
      check (mode <> 'visio' or visio_url is not null)
    )`.execute(db);
  await sql`create unique index appointments_id on appointments (id)`.execute(db);
  await sql`create index appointments_person on appointments (territory_id, person_id, starts_at desc)`.execute(
    db,
  );
  // « Sans contact »: the recent absences of the whole territory, for the nightly pass.
  await sql`create index appointments_absent on appointments (territory_id, starts_at) include (person_id) where status = 'absent'`.execute(
    db,
  );
  // The D-2 reminder scan: only future appointments still to remind.
  await sql`create index appointments_to_remind on appointments (starts_at) where status = 'prevu' and reminder_sent_at is null`.execute(
    db,
  );
  await sql`
    create table appointment_professionals (
      territory_id uuid not null,
      appointment_id uuid not null,
      account_id uuid not null references accounts(id),
      -- Copied from the appointment so that one index serves a professional's agenda.
      starts_at timestamptz not null,
      primary key (territory_id, appointment_id, account_id),
      foreign key (territory_id, appointment_id) references appointments(territory_id, id)
    )`.execute(db);
  await sql`create index appointment_professionals_agenda on appointment_professionals (account_id, starts_at)`.execute(
    db,
  );

  // ——— Campaigns to reach people who lost contact ———
  await sql`
    create table campaigns (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      organisation_id uuid not null,
      name text not null,
      status text not null default 'en_cours' check (status in ('en_cours', 'terminee', 'annulee')),
      selection jsonb not null,
      message text not null,
      appointment_type text not null check (appointment_type in (${sql.raw(appointmentTypes)})),
      allow_callback boolean not null,
      reminder_days integer not null,
      expiry_days integer not null,
      idempotency_key text not null,
      created_by_account_id uuid not null references accounts(id),
      launched_at timestamptz not null,
      expires_on date not null,
      ended_at timestamptz,
      primary key (territory_id, id),
      foreign key (territory_id, organisation_id) references organisations(territory_id, id)
    )`.execute(db);
  await sql`create unique index campaigns_id on campaigns (id)`.execute(db);
  // A double click (same key from the same account) creates one campaign.
  await sql`create unique index campaigns_idempotency on campaigns (territory_id, created_by_account_id, idempotency_key)`.execute(
    db,
  );
  await sql`create index campaigns_recent on campaigns (territory_id, organisation_id, launched_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table campaign_slots (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      campaign_id uuid not null,
      starts_at timestamptz not null,
      duration_minutes integer not null,
      mode text not null check (mode in (${sql.raw(modes)})),
      address text,
      capacity integer not null check (capacity > 0),
      booked integer not null default 0,
      professional_account_id uuid not null references accounts(id),
      primary key (territory_id, id),
      foreign key (territory_id, campaign_id) references campaigns(territory_id, id),
      check (booked between 0 and capacity)
    )`.execute(db);
  await sql`create index campaign_slots_campaign on campaign_slots (territory_id, campaign_id, starts_at)`.execute(
    db,
  );

  await sql`
    create table campaign_recipients (
      territory_id uuid not null,
      id uuid not null default gen_random_uuid(),
      campaign_id uuid not null,
      person_id uuid not null,
      channel text check (channel in ('sms', 'email', 'letter')),
      step text not null default 'a_envoyer'
        check (step in ('a_envoyer', 'invitee', 'relancee', 'repondu', 'expiree', 'convoquee')),
      outcome text not null default 'en_attente'
        check (outcome in ('en_attente', 'recontacte', 'rendez_vous_pris', 'rendez_vous_honore', 'injoignable', 'sans_reponse')),
      delivery text not null default 'en_attente' check (delivery in ('en_attente', 'envoye', 'remis', 'echec')),
      -- The invitation link: only a hash of the short code is kept.
      token_hash text,
      invited_at timestamptz,
      reminded_at timestamptz,
      expires_at timestamptz,
      answered_at timestamptz,
      answer text check (answer in ('creneau', 'rappel')),
      callback_time text,
      slot_id uuid,
      appointment_id uuid,
      convoked_at timestamptz,
      last_notification_id uuid,
      updated_at timestamptz not null,
      primary key (territory_id, id),
      foreign key (territory_id, campaign_id) references campaigns(territory_id, id),
      foreign key (territory_id, person_id) references persons(territory_id, id)
    )`.execute(db);
  await sql`create unique index campaign_recipients_person on campaign_recipients (territory_id, campaign_id, person_id)`.execute(
    db,
  );
  await sql`create unique index campaign_recipients_token on campaign_recipients (token_hash) where token_hash is not null`.execute(
    db,
  );
  await sql`create index campaign_recipients_step on campaign_recipients (territory_id, campaign_id, step, id)`.execute(
    db,
  );
  await sql`create index campaign_recipients_appointment on campaign_recipients (territory_id, appointment_id) where appointment_id is not null`.execute(
    db,
  );

  // « Activité en dessous du plan »: the hours of the last complete weeks of the whole territory.
  await sql`create index weekly_hours_week on weekly_hours (territory_id, week_start) include (person_id, hours)`.execute(
    db,
  );

  // ——— Notifications: provider idempotency, delivery reports, link to what they are about ———
  await sql`
    alter table notifications
      add column delivery text check (delivery in ('delivered', 'failed', 'invalid_recipient')),
      add column delivered_at timestamptz,
      add column related_kind text check (related_kind in ('appointment', 'campaign_recipient')),
      add column related_id uuid`.execute(db);
  await sql`create index notifications_provider on notifications (provider_id) where provider_id is not null`.execute(
    db,
  );
  await sql`create index notifications_related on notifications (territory_id, related_kind, related_id) where related_id is not null`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
