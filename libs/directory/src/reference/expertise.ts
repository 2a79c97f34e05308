import type { Labels } from './locale';

export interface TaxonomyEntry {
  /** Stable code: stored in profiles and used by filters; never renamed, only added. */
  code: string;
  group: string;
  labels: Labels;
}

/** What a practitioner works on. Grouped so forms can show sections; codes are stable. */
export const EXPERTISE_AREAS: readonly TaxonomyEntry[] = [
  {
    code: 'TIP_SEXUAL_EXPLOITATION',
    group: 'TRAFFICKING',
    labels: {
      en: 'Trafficking for sexual exploitation',
      ru: 'Торговля людьми в целях сексуальной эксплуатации',
    },
  },
  {
    code: 'TIP_FORCED_LABOUR',
    group: 'TRAFFICKING',
    labels: { en: 'Trafficking for forced labour', ru: 'Торговля людьми в целях принудительного труда' },
  },
  {
    code: 'TIP_DOMESTIC_SERVITUDE',
    group: 'TRAFFICKING',
    labels: { en: 'Domestic servitude', ru: 'Домашнее рабство' },
  },
  {
    code: 'TIP_ORGAN_REMOVAL',
    group: 'TRAFFICKING',
    labels: { en: 'Trafficking for organ removal', ru: 'Торговля людьми в целях изъятия органов' },
  },
  {
    code: 'TIP_FORCED_CRIMINALITY',
    group: 'TRAFFICKING',
    labels: {
      en: 'Forced criminality and forced begging',
      ru: 'Принуждение к преступной деятельности и попрошайничеству',
    },
  },
  {
    code: 'TIP_FORCED_MARRIAGE',
    group: 'TRAFFICKING',
    labels: { en: 'Forced and servile marriage', ru: 'Принудительный и подневольный брак' },
  },
  {
    code: 'CHILD_TRAFFICKING',
    group: 'TRAFFICKING',
    labels: { en: 'Child trafficking', ru: 'Торговля детьми' },
  },
  {
    code: 'FRAUDULENT_RECRUITMENT',
    group: 'TRAFFICKING',
    labels: { en: 'Fraudulent labour recruitment', ru: 'Мошенническая вербовка на работу' },
  },
  {
    code: 'SOM_LAND',
    group: 'SMUGGLING',
    labels: { en: 'Migrant smuggling by land', ru: 'Незаконный ввоз мигрантов по суше' },
  },
  {
    code: 'SOM_SEA',
    group: 'SMUGGLING',
    labels: { en: 'Migrant smuggling by sea', ru: 'Незаконный ввоз мигрантов по морю' },
  },
  {
    code: 'SOM_AIR',
    group: 'SMUGGLING',
    labels: { en: 'Migrant smuggling by air', ru: 'Незаконный ввоз мигрантов по воздуху' },
  },
  {
    code: 'DOCUMENT_FRAUD',
    group: 'SMUGGLING',
    labels: {
      en: 'Document and identity fraud',
      ru: 'Подделка документов и мошенничество с удостоверениями личности',
    },
  },
  {
    code: 'BORDER_CONTROL',
    group: 'SMUGGLING',
    labels: {
      en: 'Border control and passenger screening',
      ru: 'Пограничный контроль и проверка пассажиров',
    },
  },
  {
    code: 'FINANCIAL_INVESTIGATION',
    group: 'FINANCIAL',
    labels: { en: 'Financial investigation', ru: 'Финансовые расследования' },
  },
  {
    code: 'ASSET_RECOVERY',
    group: 'FINANCIAL',
    labels: { en: 'Asset tracing, freezing and recovery', ru: 'Розыск, арест и возврат активов' },
  },
  {
    code: 'MONEY_LAUNDERING',
    group: 'FINANCIAL',
    labels: { en: 'Money laundering', ru: 'Отмывание преступных доходов' },
  },
  {
    code: 'CYBER_E_EVIDENCE',
    group: 'EVIDENCE',
    labels: {
      en: 'Cyber-enabled crime and e-evidence',
      ru: 'Преступления с использованием ИКТ и электронные доказательства',
    },
  },
  {
    code: 'OPEN_SOURCE_INTELLIGENCE',
    group: 'EVIDENCE',
    labels: { en: 'Open-source intelligence', ru: 'Разведка по открытым источникам' },
  },
  {
    code: 'CORRUPTION',
    group: 'EVIDENCE',
    labels: { en: 'Corruption facilitating trafficking', ru: 'Коррупция, способствующая торговле людьми' },
  },
  {
    code: 'VICTIM_IDENTIFICATION',
    group: 'VICTIMS',
    labels: { en: 'Victim identification and referral', ru: 'Выявление и перенаправление жертв' },
  },
  {
    code: 'VICTIM_PROTECTION',
    group: 'VICTIMS',
    labels: { en: 'Victim protection and assistance', ru: 'Защита и помощь жертвам' },
  },
  {
    code: 'WITNESS_PROTECTION',
    group: 'VICTIMS',
    labels: { en: 'Witness protection', ru: 'Защита свидетелей' },
  },
  {
    code: 'CHILD_FRIENDLY_JUSTICE',
    group: 'VICTIMS',
    labels: { en: 'Child-friendly justice', ru: 'Правосудие, дружественное к детям' },
  },
];

export const EXPERTISE_CODES: ReadonlySet<string> = new Set(EXPERTISE_AREAS.map((entry) => entry.code));
