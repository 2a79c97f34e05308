import type { Catalog } from '../../catalog';
import type { errors as en } from '../en/errors';

export const errors: Catalog<typeof en> = {
  codes: {
    UNAUTHENTICATED: 'Войдите снова.',
    FORBIDDEN: 'У вас нет прав на это действие.',
    BAD_USER_INPUT: 'Проверьте отмеченные поля.',
    NOT_FOUND: 'Не найдено. Возможно, запись удалена.',
    CONFLICT: 'Данные изменил кто-то другой. Обновите страницу и повторите.',
    RATE_LIMITED: 'Слишком много попыток. Подождите минуту и повторите.',
    INTERNAL_SERVER_ERROR: 'Сбой на нашей стороне. Повторите позже.',
    GRAPHQL_PARSE_FAILED: 'Эта версия страницы устарела. Обновите её.',
    GRAPHQL_VALIDATION_FAILED: 'Эта версия страницы устарела. Обновите её.',
    BAD_REQUEST: 'Не удалось отправить запрос. Обновите страницу и повторите.',
    NETWORK: 'Нет связи с Counterpart. Проверьте сеть и повторите.',
    UNKNOWN: 'Что-то пошло не так. Повторите.',
  },
  fields: {
    REQUIRED: 'Заполните это поле.',
    TOO_SHORT: 'Не менее {{min}} символов.',
    TOO_LONG: 'Не более {{max}} символов.',
    TOO_MANY: 'Не более {{max}}.',
    INVALID_EMAIL: 'Введите адрес электронной почты, например name@agency.example.',
    INVALID_COUNTRY: 'Выберите страну из списка.',
    INVALID_LANGUAGE: 'Выберите язык из списка.',
    INVALID_LEVEL: 'Выберите уровень.',
    INVALID_EXPERTISE: 'Выберите из списка.',
    INVALID_COMPETENCE: 'Выберите из списка.',
    INVALID_TIME_ZONE: 'Выберите часовой пояс из списка.',
    INVALID_PHONE: 'Введите номер в международном формате, например +998 71 123 45 67.',
    INVALID_CODE: 'Код недействителен или истёк.',
    INVALID: 'Недопустимое значение.',
  },
  boundary: {
    title: 'Не удалось показать страницу',
    body: 'При показе страницы произошла ошибка. Ваши данные в безопасности.',
    reload: 'Обновить страницу',
  },
};
