import type { Catalog } from '@web/i18n/catalog';
import { auditRu } from './audit.ru';
import { deskCoreRu } from './core.ru';
import { dashboardRu } from './dashboard.ru';
import type { deskEn } from './en';

/** The Russian strings of the coordinators' desk (see ./en.ts). */
export const deskRu: Catalog<typeof deskEn> = { ...deskCoreRu, audit: auditRu, dashboard: dashboardRu };
