import type { Catalog } from '../../catalog';
import type { apply as en } from '../en/apply';

export const apply: Catalog<typeof en> = {};
