import type { Catalog } from '../../catalog';
import type { common as en } from '../en/common';

export const common: Catalog<typeof en> = {
  app: {
    name: 'Counterpart',
    tagline: 'Кто мой коллега в этой стране и могу ли я безопасно связаться с ним прямо сейчас?',
    skipToContent: 'Перейти к содержанию',
    mainNavigation: 'Основная навигация',
    nav: {
      home: 'Главная',
      directory: 'Справочник',
      chat: 'Чат',
      desk: 'Координация',
      profile: 'Мой профиль',
      account: 'Аккаунт',
      sessions: 'Сеансы',
      devices: 'Устройства',
      security: 'Защита входа',
      signOut: 'Выйти',
    },
    offline: {
      title: 'Нет подключения к сети.',
      body: 'То, что уже на экране, останется, но для входа, поиска и профилей нужна сеть: Counterpart не хранит на этом устройстве ни профилей, ни контактов. Когда подключение вернётся, приложение само попробует снова.',
    },
  },
  language: { label: 'Язык', en: 'English', ru: 'Русский' },
  actions: {
    continue: 'Продолжить',
    cancel: 'Отмена',
    back: 'Назад',
    save: 'Сохранить',
    retry: 'Повторить',
    copy: 'Копировать',
    copied: 'Скопировано',
    download: 'Скачать',
    close: 'Закрыть',
    showPassword: 'Показать пароль',
    hidePassword: 'Скрыть пароль',
    showPassphrase: 'Показать фразу',
    hidePassphrase: 'Скрыть фразу',
  },
  status: { loading: 'Загрузка…', working: 'Выполняется…', optional: 'необязательно' },
  session: {
    unreachable: {
      title: 'Нет связи с Counterpart',
      body: 'Вход сохранён. Проверьте подключение: страница сама попробует снова, когда связь вернётся.',
    },
  },
  roles: { MEMBER: 'Участник', COORDINATOR: 'Координатор', ADMIN: 'Администратор' },
  memberStatus: {
    PENDING: 'На рассмотрении',
    VETTED: 'Проверка пройдена',
    REJECTED: 'Заявка отклонена',
    SUSPENDED: 'Участие приостановлено',
    REVOKED: 'Участие прекращено',
  },
  notFound: {
    title: 'Страница не найдена',
    body: 'Проверьте адрес или перейдите на главную.',
    home: 'На главную',
  },
};
