import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Clock } from './clock';
import type { FieldCrypto } from './crypto';
import type { MessageSenders } from './messaging';
import type { EventBus } from './outbox';

/** What use cases, routes and jobs may reach: built once in main.ts (or a test). */
export interface Deps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  crypto: FieldCrypto;
  bus: EventBus;
  senders: MessageSenders;
}
