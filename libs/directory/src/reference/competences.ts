import type { TaxonomyEntry } from './expertise';

/** Legal competences: what a practitioner may request, grant or execute across borders. Codes are stable. */
export const COMPETENCES: readonly TaxonomyEntry[] = [
  {
    code: 'UNTOC_MLA',
    group: 'UNTOC',
    labels: {
      en: 'Mutual legal assistance (UNTOC art. 18)',
      ru: 'Взаимная правовая помощь (ст. 18 Конвенции против ТОП)',
    },
  },
  {
    code: 'UNTOC_EXTRADITION',
    group: 'UNTOC',
    labels: { en: 'Extradition (UNTOC art. 16)', ru: 'Выдача (ст. 16 Конвенции против ТОП)' },
  },
  {
    code: 'UNTOC_JIT',
    group: 'UNTOC',
    labels: {
      en: 'Joint investigation teams (UNTOC art. 19)',
      ru: 'Совместные следственные группы (ст. 19 Конвенции против ТОП)',
    },
  },
  {
    code: 'UNTOC_TRANSFER_OF_PROCEEDINGS',
    group: 'UNTOC',
    labels: {
      en: 'Transfer of criminal proceedings (UNTOC art. 21)',
      ru: 'Передача уголовного производства (ст. 21 Конвенции против ТОП)',
    },
  },
  {
    code: 'UNTOC_CONFISCATION',
    group: 'UNTOC',
    labels: {
      en: 'Confiscation and asset recovery cooperation (UNTOC arts. 13–14)',
      ru: 'Сотрудничество в целях конфискации и возврата активов (ст. 13–14 Конвенции против ТОП)',
    },
  },
  {
    code: 'UNTOC_SPECIAL_TECHNIQUES',
    group: 'UNTOC',
    labels: {
      en: 'Special investigative techniques and controlled delivery (UNTOC art. 20)',
      ru: 'Специальные методы расследования и контролируемые поставки (ст. 20 Конвенции против ТОП)',
    },
  },
  {
    code: 'UNTOC_LAW_ENFORCEMENT_COOPERATION',
    group: 'UNTOC',
    labels: {
      en: 'Police-to-police cooperation (UNTOC art. 27)',
      ru: 'Сотрудничество правоохранительных органов (ст. 27 Конвенции против ТОП)',
    },
  },
  {
    code: 'UNTOC_WITNESS_PROTECTION',
    group: 'UNTOC',
    labels: {
      en: 'Witness relocation agreements (UNTOC art. 24)',
      ru: 'Соглашения о переселении свидетелей (ст. 24 Конвенции против ТОП)',
    },
  },
  {
    code: 'TIP_PROTOCOL',
    group: 'PROTOCOLS',
    labels: { en: 'Trafficking in Persons Protocol', ru: 'Протокол о торговле людьми' },
  },
  {
    code: 'TIP_PROTOCOL_REPATRIATION',
    group: 'PROTOCOLS',
    labels: {
      en: 'Repatriation of victims (TiP Protocol art. 8)',
      ru: 'Репатриация жертв (ст. 8 Протокола о торговле людьми)',
    },
  },
  {
    code: 'SOM_PROTOCOL',
    group: 'PROTOCOLS',
    labels: { en: 'Smuggling of Migrants Protocol', ru: 'Протокол о незаконном ввозе мигрантов' },
  },
  {
    code: 'SOM_PROTOCOL_SEA',
    group: 'PROTOCOLS',
    labels: {
      en: 'Boarding and search of vessels (SoM Protocol art. 8)',
      ru: 'Высадка на суда и их досмотр (ст. 8 Протокола о незаконном ввозе мигрантов)',
    },
  },
  {
    code: 'UNCAC_ASSET_RECOVERY',
    group: 'OTHER_INSTRUMENTS',
    labels: {
      en: 'Asset recovery (UNCAC chapter V)',
      ru: 'Возвращение активов (глава V Конвенции ООН против коррупции)',
    },
  },
  {
    code: 'E_EVIDENCE_24_7',
    group: 'OTHER_INSTRUMENTS',
    labels: {
      en: '24/7 point of contact for electronic evidence',
      ru: 'Круглосуточный контактный пункт по электронным доказательствам',
    },
  },
  {
    code: 'CENTRAL_AUTHORITY',
    group: 'CHANNELS',
    labels: {
      en: 'Central authority for mutual legal assistance',
      ru: 'Центральный орган по вопросам взаимной правовой помощи',
    },
  },
  {
    code: 'FIU_EXCHANGE',
    group: 'CHANNELS',
    labels: {
      en: 'FIU-to-FIU information exchange',
      ru: 'Обмен информацией между подразделениями финансовой разведки',
    },
  },
  {
    code: 'INTERPOL_CHANNELS',
    group: 'CHANNELS',
    labels: { en: 'INTERPOL channels (NCB)', ru: 'Каналы Интерпола (НЦБ)' },
  },
  {
    code: 'ASSET_FREEZING_ORDERS',
    group: 'CHANNELS',
    labels: {
      en: 'Execution of freezing and confiscation orders',
      ru: 'Исполнение решений об аресте и конфискации',
    },
  },
];

export const COMPETENCE_CODES: ReadonlySet<string> = new Set(COMPETENCES.map((entry) => entry.code));
