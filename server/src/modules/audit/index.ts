import { auditRoutes } from '@spie/contract/audit';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { listAudit } from './listAudit';

export const auditBindings: RouteBinding[] = [bindUseCase(auditRoutes.listAudit, listAudit)];
