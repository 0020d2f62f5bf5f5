import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { ensureReferenceData } from './db/referenceData';
import { type Clock, systemClock } from './kernel/clock';
import { FieldCrypto } from './kernel/crypto';
import { runDailyJob } from './kernel/dailyJob';
import type { Deps } from './kernel/deps';
import { buildSenders, type MessageSenders } from './kernel/messaging';
import { deliverOutbox, EventBus } from './kernel/outbox';
import { loadSecretKey } from './kernel/secretKey';
import { Worker } from './kernel/worker';
import { appointmentsJobs, registerAppointmentsSubscribers } from './modules/appointments';
import { campaignsJobs, registerCampaignsSubscribers } from './modules/campaigns';
import { catalogueJobs, registerCatalogueSubscribers } from './modules/catalogue';
import { activateDueContracts, onContractSigned } from './modules/contracts';
import { deliverNotifications } from './modules/notifications';
import {
  onDiagnosticCompleted,
  onOrientationDecided,
  onRsaClosed,
  onRsaOpened,
} from './modules/orientations';
import { recordTimelineEntry, runPeopleDailyChecks } from './modules/people';
import { referralsJobs, registerReferralsSubscribers } from './modules/referrals';
import { registerReviewSubscribers, reviewJobs } from './modules/review';
import { welcomeNewAccount } from './modules/territories';

/** Wires every subscriber to the event bus: the one place that knows who reacts to what. */
function subscribe(bus: EventBus, deps: Deps): void {
  bus.subscribe('AccountCreated', 'territories.welcomeNewAccount', (event) => welcomeNewAccount(deps, event));
  // Orientation: RSA information fills the « À orienter » queue; a decision produces the letter.
  bus.subscribe('RsaOpened', 'orientations.startFromRsa', (event) => onRsaOpened(deps, event));
  bus.subscribe('RsaClosed', 'orientations.closeOnRsaClosed', (event) => onRsaClosed(deps, event));
  bus.subscribe('DiagnosticCompleted', 'orientations.recommendedPath', (event) =>
    onDiagnosticCompleted(deps, event),
  );
  bus.subscribe('OrientationDecided', 'orientations.notify', (event) => onOrientationDecided(deps, event));
  // Contract: a signature produces the signed contract's PDF in the person's documents.
  bus.subscribe('ContractSigned', 'contracts.signedPdf', (event) => onContractSigned(deps, event));
  // Any event about a person that carries a timeline entry (see modules/people/people.timeline.ts).
  bus.subscribeAll('people.timeline', (event) => recordTimelineEntry(deps, event));
  // Systematic review: events about a person re-evaluate that person's alert rules.
  registerReviewSubscribers(bus, deps);
  registerAppointmentsSubscribers(bus, deps);
  registerCampaignsSubscribers(bus, deps);
  registerCatalogueSubscribers(bus, deps);
  registerReferralsSubscribers(bus, deps);
}

export function composeDeps(input: {
  config: Config;
  database: Database;
  logger: Logger;
  clock?: Clock;
  senders?: MessageSenders;
  secretKey?: Buffer;
}): Deps {
  const bus = new EventBus();
  const deps: Deps = {
    config: input.config,
    database: input.database,
    logger: input.logger,
    clock: input.clock ?? systemClock,
    crypto: new FieldCrypto(input.secretKey ?? loadSecretKey(input.config)),
    bus,
    senders: input.senders ?? buildSenders(input.config),
  };
  subscribe(bus, deps);
  return deps;
}

export function createWorker(deps: Deps): Worker {
  return new Worker(
    [
      { name: 'outbox', run: () => deliverOutbox(deps.database.db, deps.bus, deps.clock, deps.logger) },
      { name: 'notifications', run: () => deliverNotifications(deps.database.db, deps.senders, deps.clock) },
      // Time-based facts (turning 26, SIAE contracts ending): once a day, whichever process gets there first.
      {
        name: 'people.dailyChecks',
        run: () =>
          runDailyJob(deps.database.db, deps.clock, 'people.dailyChecks', () => runPeopleDailyChecks(deps)),
      },
      // Signed contracts start on their start date.
      {
        name: 'contracts.activateDue',
        run: () =>
          runDailyJob(deps.database.db, deps.clock, 'contracts.activateDue', () =>
            activateDueContracts(deps),
          ),
      },
      ...reviewJobs(deps),
      ...appointmentsJobs(deps),
      ...campaignsJobs(deps),
      ...catalogueJobs(deps),
      ...referralsJobs(deps),
    ],
    deps.config.worker.intervalMs,
    deps.logger,
  );
}

export async function prepareDatabase(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await ensureReferenceData(database.db);
}
