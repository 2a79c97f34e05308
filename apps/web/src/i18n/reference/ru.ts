import type { Catalog } from '../catalog';
import type { referenceEn } from './en';

/** Русские названия справочных данных: те же ключи, что в английских (проверяется типом и тестом). */
export const referenceRu: Catalog<typeof referenceEn> = {
  agencyType: {
    PROSECUTION: 'Прокуратура',
    POLICE: 'Полиция',
    BORDER: 'Пограничная служба',
    JUDICIARY: 'Суд',
    MINISTRY: 'Министерство',
    FIU: 'Подразделение финансовой разведки',
    LABOUR_INSPECTION: 'Трудовая инспекция',
    OTHER: 'Другое ведомство',
  },
  levels: {
    NATIVE: 'Родной',
    FLUENT: 'Свободное владение',
    WORKING: 'Рабочий уровень',
    BASIC: 'Базовый',
  },
  expertiseGroups: {
    TRAFFICKING: 'Торговля людьми',
    SMUGGLING: 'Незаконный ввоз мигрантов',
    FINANCIAL: 'Финансовые расследования',
    EVIDENCE: 'Доказательства и сопутствующие преступления',
    VICTIMS: 'Жертвы и свидетели',
    other: 'Другие направления',
  },
  competenceGroups: {
    UNTOC: 'Конвенция ООН против транснациональной организованной преступности',
    PROTOCOLS: 'Протоколы к Конвенции',
    OTHER_INSTRUMENTS: 'Другие международные договоры',
    CHANNELS: 'Каналы сотрудничества',
    other: 'Другие полномочия',
  },
  contactKinds: {
    EMAIL: 'Эл. почта',
    PHONE: 'Телефон',
    MOBILE: 'Мобильный',
    FAX: 'Факс',
    TELEGRAM: 'Telegram',
    WHATSAPP: 'WhatsApp',
    SIGNAL: 'Signal',
    OTHER: 'Другое',
  },
};
