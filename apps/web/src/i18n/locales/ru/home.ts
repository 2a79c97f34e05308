import type { Catalog } from '../../catalog';
import type { home as en } from '../en/home';

export const home: Catalog<typeof en> = {
  title: 'Главная',
  welcome: 'Добро пожаловать',
  signedInAs: 'Вы вошли как {{email}}',
  role: 'Роль',
  status: 'Статус',
  country: 'Страна',
  vettedUntil: 'Проверка действует до',
  statusText: {
    PENDING:
      'Ваша заявка ожидает рассмотрения координатором вашей страны. Справочник и чат станут доступны после проверки.',
    VETTED: 'Вы — проверенный участник сети.',
    EXPIRED: 'Срок вашей проверки истёк. Попросите координатора вашей страны продлить её.',
    REJECTED: 'Ваша заявка не принята.',
    SUSPENDED: 'Ваше участие приостановлено.',
    REVOKED: 'Ваше участие прекращено.',
  },
  twoFactor: { on: 'Включена', off: 'Выключена — включите на странице «Двухфакторная защита»' },
};
