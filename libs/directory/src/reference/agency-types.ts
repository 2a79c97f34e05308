import type { Labels } from './locale';

export enum AgencyType {
  PROSECUTION = 'PROSECUTION',
  POLICE = 'POLICE',
  BORDER = 'BORDER',
  JUDICIARY = 'JUDICIARY',
  MINISTRY = 'MINISTRY',
  FIU = 'FIU',
  LABOUR_INSPECTION = 'LABOUR_INSPECTION',
  OTHER = 'OTHER',
}

export const AGENCY_TYPE_LABELS: Record<AgencyType, Labels> = {
  [AgencyType.PROSECUTION]: { en: 'Prosecution service', ru: 'Прокуратура' },
  [AgencyType.POLICE]: { en: 'Police', ru: 'Полиция' },
  [AgencyType.BORDER]: { en: 'Border service', ru: 'Пограничная служба' },
  [AgencyType.JUDICIARY]: { en: 'Judiciary', ru: 'Судебная власть' },
  [AgencyType.MINISTRY]: { en: 'Ministry', ru: 'Министерство' },
  [AgencyType.FIU]: { en: 'Financial intelligence unit', ru: 'Подразделение финансовой разведки' },
  [AgencyType.LABOUR_INSPECTION]: { en: 'Labour inspection', ru: 'Трудовая инспекция' },
  [AgencyType.OTHER]: { en: 'Other', ru: 'Другое' },
};

export enum ContactKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  MOBILE = 'MOBILE',
  FAX = 'FAX',
  SIGNAL = 'SIGNAL',
  WHATSAPP = 'WHATSAPP',
  TELEGRAM = 'TELEGRAM',
  OTHER = 'OTHER',
}

/** Who may read a contact channel: every vetted member, or coordinators (and admins) only. */
export enum ContactVisibility {
  MEMBERS = 'MEMBERS',
  COORDINATORS = 'COORDINATORS',
}
