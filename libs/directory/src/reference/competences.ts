import type { TaxonomyEntry } from './expertise';

/** Legal competences: what a practitioner may request, grant or execute across borders. Codes are stable. */
export const COMPETENCES: readonly TaxonomyEntry[] = [
  {
    code: 'UNTOC_MLA',
    group: 'UNTOC',
    labels: {
      en: 'Mutual legal assistance (UNTOC art.\u00A018)',
      ru: 'Взаимная правовая помощь (ст.\u00A018)',
    },
  },
  {
    code: 'UNTOC_EXTRADITION',
    group: 'UNTOC',
    labels: { en: 'Extradition (UNTOC art.\u00A016)', ru: 'Выдача (ст.\u00A016)' },
  },
  {
    code: 'UNTOC_JIT',
    group: 'UNTOC',
    labels: {
      en: 'Joint investigation teams (UNTOC art.\u00A019)',
      ru: 'Совместные следственные группы (ст.\u00A019)',
    },
  },
  {
    code: 'UNTOC_TRANSFER_OF_PROCEEDINGS',
    group: 'UNTOC',
    labels: {
      en: 'Transfer of criminal proceedings (UNTOC art.\u00A021)',
      ru: 'Передача уголовного производства (ст.\u00A021)',
    },
  },
  {
    code: 'UNTOC_CONFISCATION',
    group: 'UNTOC',
    labels: {
      en: 'Confiscation and asset recovery cooperation (UNTOC arts.\u00A013–14)',
      ru: 'Сотрудничество в целях конфискации и возврата активов (ст.\u00A013–14)',
    },
  },
  {
    code: 'UNTOC_SPECIAL_TECHNIQUES',
    group: 'UNTOC',
    labels: {
      en: 'Special investigative techniques and controlled delivery (UNTOC art.\u00A020)',
      ru: 'Специальные методы расследования и контролируемые поставки (ст.\u00A020)',
    },
  },
  {
    code: 'UNTOC_LAW_ENFORCEMENT_COOPERATION',
    group: 'UNTOC',
    labels: {
      en: 'Police-to-police cooperation (UNTOC art.\u00A027)',
      ru: 'Сотрудничество правоохранительных органов (ст.\u00A027)',
    },
  },
  {
    code: 'UNTOC_WITNESS_PROTECTION',
    group: 'UNTOC',
    labels: {
      en: 'Witness relocation agreements (UNTOC art.\u00A024)',
      ru: 'Соглашения о переселении свидетелей (ст.\u00A024)',
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
      en: 'Repatriation of victims (TiP Protocol art.\u00A08)',
      ru: 'Репатриация жертв (ст.\u00A08 Протокола о торговле людьми)',
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
      en: 'Boarding and search of vessels (SoM Protocol art.\u00A08)',
      ru: 'Высадка на суда и их досмотр (ст.\u00A08 Протокола о незаконном ввозе мигрантов)',
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
