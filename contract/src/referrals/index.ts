export * from './referrals.routes';
export * from './referrals.schema';
export * from './referrals.workflow';
