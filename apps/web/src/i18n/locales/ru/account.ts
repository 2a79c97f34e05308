import type { Catalog } from '../../catalog';
import type { account as en } from '../en/account';

export const account: Catalog<typeof en> = {
  staffNudge: {
    title: 'Включите двухфакторную защиту',
    body: 'Координаторы и администраторы должны включить двухфакторную защиту, прежде чем выполнять действия с участниками.',
    action: 'Настроить сейчас',
  },
};
