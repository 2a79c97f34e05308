import { auditEn } from './audit.en';
import { deskCoreEn } from './core.en';
import { dashboardEn } from './dashboard.en';

/**
 * The English strings of the coordinators' desk (the `desk` namespace): its core screens (./core.en.ts), the audit log
 * and the dashboard, each in its own file; loaded with the desk (./register.ts), not with sign-in.
 */
export const deskEn = { ...deskCoreEn, audit: auditEn, dashboard: dashboardEn };
