import { AgencyType } from '@app/directory';

/** [native script, Latin]; Latin-only names repeat the Latin form. */
export type Name = readonly [native: string, latin: string];
/** A surname with optional other romanizations seen in passports and records. */
export type Surname = readonly [native: string, latin: string, variants?: readonly string[]];

export interface DemoCountry {
  code: string;
  timeZone: string;
  /** ISO weekdays. */
  workingDays: number[];
  hours: readonly [start: string, end: string];
  /** Native language (ISO 639-1) and the languages commonly added, most likely first. */
  nativeLanguage: string;
  otherLanguages: readonly string[];
  /** E.164 prefix of a mobile number and how many random digits follow it. */
  mobile: readonly [prefix: string, digits: number];
  /** True when names are written in a script other than Latin. */
  nonLatin: boolean;
  /** Slavic-style surnames take a feminine form (-ов → -ова). */
  gendered: boolean;
  male: readonly Name[];
  female: readonly Name[];
  surnames: readonly Surname[];
  agencies: readonly { name: string; type: AgencyType; city: string }[];
}

const P = AgencyType.PROSECUTION;
const POL = AgencyType.POLICE;
const B = AgencyType.BORDER;
const F = AgencyType.FIU;
const M = AgencyType.MINISTRY;
const J = AgencyType.JUDICIARY;
const L = AgencyType.LABOUR_INSPECTION;

const WEEK = [1, 2, 3, 4, 5];
const SAT_TO_WED = [6, 7, 1, 2, 3];

/** The demo network: the six countries of the Tashkent workshop, Italy, and neighbours along the routes. */
export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  {
    code: 'UZ',
    timeZone: 'Asia/Tashkent',
    workingDays: WEEK,
    hours: ['09:00', '18:00'],
    nativeLanguage: 'uz',
    otherLanguages: ['ru', 'en', 'tg'],
    mobile: ['+99890', 7],
    nonLatin: true,
    gendered: true,
    male: [
      ['Эркин', 'Erkin'],
      ['Азиз', 'Aziz'],
      ['Дилшод', 'Dilshod'],
      ['Шахзод', 'Shakhzod'],
      ['Рустам', 'Rustam'],
      ['Фаррух', 'Farrukh'],
    ],
    female: [
      ['Нодира', 'Nodira'],
      ['Гулнора', 'Gulnora'],
      ['Малика', 'Malika'],
      ['Дилноза', 'Dilnoza'],
    ],
    surnames: [
      ['Юлдашев', 'Yuldashev', ['Iuldashev', 'Yoldoshev']],
      ['Каримов', 'Karimov'],
      ['Рахимов', 'Rakhimov', ['Rahimov']],
      ['Усмонов', 'Usmonov', ['Usmanov']],
      ['Тошматов', 'Toshmatov'],
      ['Холматов', 'Kholmatov', ['Xolmatov']],
      ['Исмоилов', 'Ismoilov', ['Ismailov']],
    ],
    agencies: [
      { name: 'General Prosecutor’s Office of the Republic of Uzbekistan', type: P, city: 'Tashkent' },
      { name: 'Ministry of Internal Affairs — Anti-Trafficking Department', type: POL, city: 'Tashkent' },
      { name: 'State Border Troops', type: B, city: 'Termez' },
      { name: 'Department for Combating Economic Crimes (FIU)', type: F, city: 'Tashkent' },
    ],
  },
  {
    code: 'KZ',
    timeZone: 'Asia/Almaty',
    workingDays: WEEK,
    hours: ['09:00', '18:30'],
    nativeLanguage: 'kk',
    otherLanguages: ['ru', 'en', 'de'],
    mobile: ['+7701', 7],
    nonLatin: true,
    gendered: true,
    male: [
      ['Ерлан', 'Erlan'],
      ['Нұрлан', 'Nurlan'],
      ['Дәурен', 'Dauren'],
      ['Бауыржан', 'Bauyrzhan'],
      ['Қайрат', 'Kairat'],
    ],
    female: [
      ['Айгүл', 'Aigul'],
      ['Әсел', 'Asel'],
      ['Гүлнар', 'Gulnar'],
      ['Жанар', 'Zhanar'],
    ],
    surnames: [
      ['Нұрланов', 'Nurlanov'],
      ['Жақсылықов', 'Zhaksylykov', ['Jaksylykov']],
      ['Сейтқалиев', 'Seitkaliev', ['Seitkaliyev']],
      ['Омаров', 'Omarov'],
      ['Бекмұханов', 'Bekmukhanov', ['Bekmuhanov']],
      ['Сәрсенбаев', 'Sarsenbaev', ['Sarsenbayev']],
    ],
    agencies: [
      { name: 'Prosecutor General’s Office of the Republic of Kazakhstan', type: P, city: 'Astana' },
      { name: 'Ministry of Internal Affairs — Migration Service Committee', type: POL, city: 'Astana' },
      { name: 'Border Service of the National Security Committee', type: B, city: 'Almaty' },
      { name: 'Financial Monitoring Agency', type: F, city: 'Astana' },
    ],
  },
  {
    code: 'KG',
    timeZone: 'Asia/Bishkek',
    workingDays: WEEK,
    hours: ['09:00', '18:00'],
    nativeLanguage: 'ky',
    otherLanguages: ['ru', 'en', 'uz'],
    mobile: ['+996555', 6],
    nonLatin: true,
    gendered: true,
    male: [
      ['Азамат', 'Azamat'],
      ['Айбек', 'Aibek'],
      ['Бакыт', 'Bakyt'],
      ['Талант', 'Talant'],
      ['Улан', 'Ulan'],
    ],
    female: [
      ['Нургүл', 'Nurgul'],
      ['Жылдыз', 'Zhyldyz'],
      ['Айпери', 'Aiperi'],
      ['Чолпон', 'Cholpon'],
    ],
    surnames: [
      ['Асанов', 'Asanov'],
      ['Токтогулов', 'Toktogulov'],
      ['Жээнбеков', 'Zheenbekov', ['Jeenbekov']],
      ['Осмонов', 'Osmonov'],
      ['Бейшеналиев', 'Beishenaliev', ['Beyshenaliev']],
      ['Сатыбалдиев', 'Satybaldiev'],
    ],
    agencies: [
      { name: 'General Prosecutor’s Office of the Kyrgyz Republic', type: P, city: 'Bishkek' },
      { name: 'Ministry of Internal Affairs — Anti-Trafficking Unit', type: POL, city: 'Bishkek' },
      { name: 'Border Service of the Kyrgyz Republic', type: B, city: 'Osh' },
      { name: 'State Financial Intelligence Service', type: F, city: 'Bishkek' },
    ],
  },
  {
    code: 'TJ',
    timeZone: 'Asia/Dushanbe',
    workingDays: WEEK,
    hours: ['08:00', '17:00'],
    nativeLanguage: 'tg',
    otherLanguages: ['ru', 'fa', 'en'],
    mobile: ['+99290', 7],
    nonLatin: true,
    gendered: true,
    male: [
      ['Фирдавс', 'Firdavs'],
      ['Шерали', 'Sherali'],
      ['Далер', 'Daler'],
      ['Бахтиёр', 'Bakhtiyor'],
      ['Парвиз', 'Parviz'],
    ],
    female: [
      ['Зарина', 'Zarina'],
      ['Меҳрона', 'Mehrona'],
      ['Нилуфар', 'Nilufar'],
      ['Манижа', 'Manizha'],
    ],
    surnames: [
      ['Раҳимов', 'Rahimov', ['Rakhimov']],
      ['Назаров', 'Nazarov'],
      ['Шарипов', 'Sharipov'],
      ['Қурбонов', 'Qurbonov', ['Kurbonov', 'Gurbonov']],
      ['Мирзоев', 'Mirzoev', ['Mirzoyev']],
      ['Давлатов', 'Davlatov'],
    ],
    agencies: [
      { name: 'Prosecutor General’s Office of the Republic of Tajikistan', type: P, city: 'Dushanbe' },
      {
        name: 'Ministry of Internal Affairs — Department against Human Trafficking',
        type: POL,
        city: 'Dushanbe',
      },
      { name: 'Border Troops of the State Committee for National Security', type: B, city: 'Khorog' },
      { name: 'Financial Monitoring Department, National Bank of Tajikistan', type: F, city: 'Dushanbe' },
    ],
  },
  {
    code: 'IR',
    timeZone: 'Asia/Tehran',
    workingDays: SAT_TO_WED,
    hours: ['08:00', '16:00'],
    nativeLanguage: 'fa',
    otherLanguages: ['en', 'ar', 'tr'],
    mobile: ['+98912', 7],
    nonLatin: true,
    gendered: false,
    male: [
      ['علی', 'Ali'],
      ['رضا', 'Reza'],
      ['حسین', 'Hossein'],
      ['مهدی', 'Mahdi'],
      ['امیر', 'Amir'],
    ],
    female: [
      ['مریم', 'Maryam'],
      ['زهرا', 'Zahra'],
      ['فاطمه', 'Fatemeh'],
      ['نرگس', 'Narges'],
    ],
    surnames: [
      ['رحیمی', 'Rahimi', ['Rahimy']],
      ['محمدی', 'Mohammadi', ['Mohamadi']],
      ['حسینی', 'Hosseini', ['Hoseini', 'Husseini']],
      ['کریمی', 'Karimi'],
      ['جعفری', 'Jafari', ['Jaafari']],
      ['موسوی', 'Mousavi', ['Musavi']],
    ],
    agencies: [
      { name: 'Office of the Prosecutor General — International Affairs', type: J, city: 'Tehran' },
      { name: 'Police — Anti-Human Trafficking Unit', type: POL, city: 'Tehran' },
      { name: 'Border Guard Command', type: B, city: 'Mashhad' },
      { name: 'Financial Intelligence Centre', type: F, city: 'Tehran' },
    ],
  },
  {
    code: 'PK',
    timeZone: 'Asia/Karachi',
    workingDays: WEEK,
    hours: ['09:00', '17:00'],
    nativeLanguage: 'ur',
    otherLanguages: ['en', 'pa', 'ps'],
    mobile: ['+92300', 7],
    nonLatin: true,
    gendered: false,
    male: [
      ['عمران', 'Imran'],
      ['بلال', 'Bilal'],
      ['عثمان', 'Usman'],
      ['حمزہ', 'Hamza'],
      ['کامران', 'Kamran'],
    ],
    female: [
      ['عائشہ', 'Ayesha'],
      ['فاطمہ', 'Fatima'],
      ['زینب', 'Zainab'],
      ['صائمہ', 'Saima'],
    ],
    surnames: [
      ['خان', 'Khan'],
      ['قریشی', 'Qureshi', ['Quraishi', 'Kureshi']],
      ['چوہدری', 'Chaudhry', ['Chaudhary', 'Choudhry']],
      ['ملک', 'Malik'],
      ['اعوان', 'Awan'],
      ['ہاشمی', 'Hashmi', ['Hashemi']],
    ],
    agencies: [
      { name: 'Federal Investigation Agency — Anti-Human Trafficking Circle', type: POL, city: 'Islamabad' },
      { name: 'Federal Investigation Agency — Immigration Wing', type: B, city: 'Lahore' },
      { name: 'Office of the Prosecutor General Punjab', type: P, city: 'Lahore' },
      { name: 'Financial Monitoring Unit', type: F, city: 'Karachi' },
    ],
  },
  {
    code: 'IT',
    timeZone: 'Europe/Rome',
    workingDays: WEEK,
    hours: ['09:00', '18:00'],
    nativeLanguage: 'it',
    otherLanguages: ['en', 'fr', 'es'],
    mobile: ['+39347', 7],
    nonLatin: false,
    gendered: false,
    male: [
      ['Marco', 'Marco'],
      ['Luca', 'Luca'],
      ['Matteo', 'Matteo'],
      ['Giorgio', 'Giorgio'],
      ['Stefano', 'Stefano'],
    ],
    female: [
      ['Giulia', 'Giulia'],
      ['Francesca', 'Francesca'],
      ['Chiara', 'Chiara'],
      ['Elena', 'Elena'],
    ],
    surnames: [
      ['Géstri', 'Géstri', ['Gestri']],
      ['Ferrara', 'Ferrara'],
      ['Esposito', 'Esposito'],
      ['De Luca', 'De Luca', ['DeLuca']],
      ['Colombo', 'Colombo'],
      ['Niccolò', 'Niccolò'],
    ],
    agencies: [
      { name: 'Procura della Repubblica di Palermo — DDA', type: P, city: 'Palermo' },
      { name: 'Direzione Nazionale Antimafia e Antiterrorismo', type: P, city: 'Roma' },
      { name: 'Polizia di Stato — Servizio Centrale Operativo', type: POL, city: 'Roma' },
      { name: 'Unità di Informazione Finanziaria per l’Italia', type: F, city: 'Roma' },
    ],
  },
  {
    code: 'TM',
    timeZone: 'Asia/Ashgabat',
    workingDays: WEEK,
    hours: ['09:00', '18:00'],
    nativeLanguage: 'tk',
    otherLanguages: ['ru', 'en', 'tr'],
    mobile: ['+99365', 6],
    nonLatin: false,
    gendered: true,
    male: [
      ['Merdan', 'Merdan'],
      ['Batyr', 'Batyr'],
      ['Döwlet', 'Döwlet'],
      ['Serdar', 'Serdar'],
    ],
    female: [
      ['Aýgül', 'Aýgül'],
      ['Jeren', 'Jeren'],
      ['Maýsa', 'Maýsa'],
    ],
    surnames: [
      ['Annaýew', 'Annaýew', ['Annayev']],
      ['Orazow', 'Orazow', ['Orazov']],
      ['Berdiýew', 'Berdiýew', ['Berdiyev']],
      ['Gurbanow', 'Gurbanow', ['Kurbanov']],
      ['Nurmyradow', 'Nurmyradow', ['Nurmuradov']],
    ],
    agencies: [
      { name: 'Prosecutor General’s Office of Turkmenistan', type: P, city: 'Ashgabat' },
      { name: 'Ministry of Internal Affairs', type: POL, city: 'Ashgabat' },
      { name: 'State Border Service', type: B, city: 'Türkmenbaşy' },
    ],
  },
  {
    code: 'AF',
    timeZone: 'Asia/Kabul',
    workingDays: SAT_TO_WED,
    hours: ['08:00', '16:00'],
    nativeLanguage: 'fa',
    otherLanguages: ['ps', 'en', 'ur'],
    mobile: ['+9370', 7],
    nonLatin: true,
    gendered: false,
    male: [
      ['محمد', 'Mohammad'],
      ['نجیب', 'Najib'],
      ['حمید', 'Hamid'],
      ['وحید', 'Wahid'],
    ],
    female: [
      ['شبنم', 'Shabnam'],
      ['فرشته', 'Fereshta'],
      ['ملالی', 'Malalai'],
    ],
    surnames: [
      ['احمدزی', 'Ahmadzai', ['Ahmadzay']],
      ['پوپل', 'Popal'],
      ['نوری', 'Noori', ['Nouri', 'Nuri']],
      ['صافی', 'Safi'],
      ['وردک', 'Wardak', ['Wardag']],
    ],
    agencies: [
      { name: 'Attorney General’s Office', type: P, city: 'Kabul' },
      { name: 'Ministry of Interior — Counter-Trafficking Directorate', type: POL, city: 'Kabul' },
      { name: 'Ministry of Labour and Social Affairs', type: L, city: 'Herat' },
    ],
  },
  {
    code: 'TR',
    timeZone: 'Europe/Istanbul',
    workingDays: WEEK,
    hours: ['08:30', '17:30'],
    nativeLanguage: 'tr',
    otherLanguages: ['en', 'de', 'ru'],
    mobile: ['+90532', 7],
    nonLatin: false,
    gendered: false,
    male: [
      ['Mehmet', 'Mehmet'],
      ['Mustafa', 'Mustafa'],
      ['Emre', 'Emre'],
      ['Burak', 'Burak'],
    ],
    female: [
      ['Ayşe', 'Ayşe'],
      ['Elif', 'Elif'],
      ['Zeynep', 'Zeynep'],
    ],
    surnames: [
      ['Yılmaz', 'Yılmaz', ['Yilmaz']],
      ['Kaya', 'Kaya'],
      ['Şahin', 'Şahin', ['Sahin']],
      ['Çelik', 'Çelik', ['Celik']],
      ['Öztürk', 'Öztürk', ['Ozturk']],
    ],
    agencies: [
      { name: 'Istanbul Chief Public Prosecutor’s Office', type: P, city: 'İstanbul' },
      { name: 'Presidency of Migration Management', type: M, city: 'Ankara' },
      { name: 'Gendarmerie General Command — Migrant Smuggling Department', type: POL, city: 'Ankara' },
      { name: 'Financial Crimes Investigation Board (MASAK)', type: F, city: 'Ankara' },
    ],
  },
  {
    code: 'AZ',
    timeZone: 'Asia/Baku',
    workingDays: WEEK,
    hours: ['09:00', '18:00'],
    nativeLanguage: 'az',
    otherLanguages: ['ru', 'en', 'tr'],
    mobile: ['+99450', 7],
    nonLatin: false,
    gendered: true,
    male: [
      ['Elvin', 'Elvin'],
      ['Rəşad', 'Rəşad'],
      ['Orxan', 'Orxan'],
      ['Tural', 'Tural'],
    ],
    female: [
      ['Günel', 'Günel'],
      ['Aytən', 'Aytən'],
      ['Nigar', 'Nigar'],
    ],
    surnames: [
      ['Məmmədov', 'Məmmədov', ['Mammadov', 'Mamedov']],
      ['Əliyev', 'Əliyev', ['Aliyev', 'Aliev']],
      ['Həsənov', 'Həsənov', ['Hasanov', 'Gasanov']],
      ['Quliyev', 'Quliyev', ['Guliyev', 'Kuliev']],
      ['Hüseynov', 'Hüseynov', ['Huseynov', 'Guseynov']],
    ],
    agencies: [
      { name: 'Prosecutor General’s Office of the Republic of Azerbaijan', type: P, city: 'Baku' },
      {
        name: 'Ministry of Internal Affairs — Main Department for Combating Trafficking',
        type: POL,
        city: 'Baku',
      },
      { name: 'State Border Service', type: B, city: 'Astara' },
    ],
  },
  {
    code: 'RU',
    timeZone: 'Europe/Moscow',
    workingDays: WEEK,
    hours: ['09:00', '18:00'],
    nativeLanguage: 'ru',
    otherLanguages: ['en', 'de', 'uz'],
    mobile: ['+7916', 7],
    nonLatin: true,
    gendered: true,
    male: [
      ['Алексей', 'Aleksei'],
      ['Дмитрий', 'Dmitry'],
      ['Сергей', 'Sergei'],
      ['Андрей', 'Andrei'],
    ],
    female: [
      ['Ольга', 'Olga'],
      ['Екатерина', 'Ekaterina'],
      ['Наталья', 'Natalia'],
    ],
    surnames: [
      ['Смирнов', 'Smirnov'],
      ['Кузнецов', 'Kuznetsov', ['Kuznecov']],
      ['Соколов', 'Sokolov'],
      ['Лебедев', 'Lebedev'],
      ['Морозов', 'Morozov'],
    ],
    agencies: [
      { name: 'Prosecutor General’s Office of the Russian Federation', type: P, city: 'Moscow' },
      { name: 'Ministry of Internal Affairs — Main Directorate for Migration', type: POL, city: 'Moscow' },
      { name: 'Federal Financial Monitoring Service', type: F, city: 'Moscow' },
    ],
  },
];

export const POSITIONS: Record<AgencyType, readonly string[]> = {
  [AgencyType.PROSECUTION]: [
    'Senior Prosecutor',
    'Prosecutor',
    'Head of the International Cooperation Department',
    'Deputy Prosecutor',
  ],
  [AgencyType.POLICE]: [
    'Senior Investigator',
    'Investigator',
    'Head of the Anti-Trafficking Unit',
    'Liaison Officer',
  ],
  [AgencyType.BORDER]: ['Border Guard Officer', 'Head of Document Examination', 'Risk Analysis Officer'],
  [AgencyType.FIU]: ['Financial Analyst', 'Head of International Relations', 'Senior Financial Investigator'],
  [AgencyType.MINISTRY]: ['Senior Policy Adviser', 'National Rapporteur’s Office'],
  [AgencyType.JUDICIARY]: ['Judge', 'Investigating Judge', 'Prosecutor at the International Affairs Office'],
  [AgencyType.LABOUR_INSPECTION]: ['Labour Inspector', 'Head of Inspection'],
  [AgencyType.OTHER]: ['Adviser'],
};

export const BIOS: readonly string[] = [
  'Handles trafficking and smuggling cases with a cross-border element; answers MLA questions informally before a formal request is sent.',
  'Leads financial investigations linked to trafficking networks; can advise on freezing orders and asset tracing.',
  'Works on victim identification at border crossings and on referral to shelters and legal aid.',
  'Coordinates joint investigations with neighbouring countries; experienced with controlled deliveries.',
  'Specialises in document fraud and smuggling routes by air; reachable for urgent passenger checks.',
  'Focal point for e-evidence requests and preservation of online data.',
];
