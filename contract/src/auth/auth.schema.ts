import { z } from 'zod';
import { uuid } from '../http';
import { role } from '../territories/roles';
import { membership } from '../territories/territories.schema';

export const sessionAccount = z.object({
  id: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
});

export const sessionInfo = z.object({
  authenticated: z.boolean(),
  demoMode: z.boolean(),
  account: sessionAccount.nullable(),
  memberships: z.array(membership),
  activeMembership: membership.nullable(),
  /** Absolute and idle expiry, so the web can warn before the session ends. */
  expiresAt: z.string().nullable(),
  idleTimeoutMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const demoAccount = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  memberships: z.array(z.object({ organisationName: z.string(), role })),
});
export type DemoAccount = z.infer<typeof demoAccount>;

export const loginMethods = z.object({
  demo: z.boolean(),
  oidc: z.array(z.object({ id: z.string(), label: z.string() })),
});
