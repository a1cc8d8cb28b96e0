import type { Messages } from './en.ts';

/** Kāpēc attālo failu nevarēja iegūt, pēc starpniekservera koda (vai SDK `reason`). */
const sourceFailures: Record<string, string> = {
  'login-failed': 'serveris noraidīja lietotājvārdu vai paroli.',
  'not-found': 'serverī nav šāda faila.',
  timeout: 'serveris laikus neatbildēja.',
  'certificate-rejected': 'servera sertifikāts nav derīgs.',
  'host-key-mismatch':
    'SFTP servera atslēga nav tā, kas saglabāta ar šo importu (serveris varētu būt nomainīts vai kāds varētu būt starpā).',
  'too-large': 'fails ir lielāks, nekā starpniekserveris atļauj.',
  'blocked-address': 'starpniekserveris neiegūst failus no privātām vai lokālā tīkla adresēm.',
  'too-many-redirects': 'serveris pāradresēja pārāk daudz reižu.',
  'invalid-url': 'starpniekserveris nevar iegūt failu no šīs adreses.',
  'too-many-requests': 'pieprasījumu ir pārāk daudz; uzgaidiet minūti.',
  'proxy-unreachable': 'ContactSync starpniekserveris nav sasniedzams.',
  'cut-off': 'lejupielāde apstājās, pirms saņemts viss fails.',
};

/** Latvian. */
export const lv: Messages = {
  historyTitle: 'Sinhronizācijas vēsture',
  historyEmpty: 'Vēl nav iestatīts neviens imports.',
  columnName: 'Nosaukums',
  columnLatest: 'Pēdējais imports',
  newImport: 'Iestatīt jaunu importu',
  emailSent: (to) => `Kļūdas e-pasts nosūtīts uz ${to}.`,
  emailFailed: (to, attempts) =>
    `Kļūdas e-pastu uz ${to} neizdevās nosūtīt (mēģinājumi: ${attempts}).`,
  lastAttempt: (when, status) => `Pēdējais mēģinājums: ${when} · ${status}`,
  columnNext: 'Nākamais imports',
  columnImportNow: 'Importēt tagad',
  columnStatus: 'Statuss',
  columnActions: 'Darbības',
  never: 'Nekad',
  notScheduled: 'Nav ieplānots',
  paused: 'Apturēts',
  importNow: 'Sākt',
  importing: 'Importē…',
  edit: 'Labot',
  delete: 'Dzēst',
  confirmDeleteTitle: 'Dzēst šo importu?',
  confirmDeleteText: (name) =>
    `"${name}" un tā vēsture tiks dzēsta. Importētie kontakti paliks adrešu grāmatā.`,
  confirmDelete: 'Dzēst',
  undo: 'Atsaukt importu',
  reviewAndImport: 'Pārskatīt un importēt',
  confirmUndoTitle: 'Atsaukt šo importu?',
  confirmUndoText: (name, when, c) =>
    `Imports “${name}” (${when}) tiks atsaukts${
      [
        c.created ? `: tā pievienotie kontakti (${c.created}) tiks noņemti` : '',
        c.updated + c.deleted
          ? `${c.created ? ', un' : ':'} tā mainītie vai dzēstie kontakti (${c.updated + c.deleted}) atgriezīsies, kā bija`
          : '',
      ].join('') || '; tas nemainīja nevienu kontaktu'
    }. Nākamais imports failu piemēros no jauna.`,
  confirmUndo: 'Atsaukt importu',
  undoDone: (c) =>
    `Imports atsaukts: ${
      [
        c.deleted ? `noņemti ${c.deleted}` : '',
        c.updated ? `atjaunotas vērtības ${c.updated}` : '',
        c.created ? `atgriezti ${c.created}` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'neviens kontakts nemainījās'
    }.`,
  undoneLine: (when) => `Atsaukts: ${when}`,
  cancel: 'Atcelt',
  problems: (count) => `Problēmas: ${count}`,
  status: {
    none: 'Vēl nav palaists',
    running: 'Notiek',
    success: 'Izdevās',
    warnings: 'Pabeigts ar problēmām',
    failed: 'Neizdevās',
    refused: 'Atteikts',
    unchanged: 'Fails nav mainījies',
    interrupted: 'Pārtraukts',
    cancelled: 'Atcelts',
    undone: 'Atsaukts',
  },

  fieldLabels: {
    firstName: 'Vārds',
    lastName: 'Uzvārds',
    displayName: 'Attēlojamais vārds',
    email: 'E-pasts',
    phone: 'Tālrunis',
    mobile: 'Mobilais',
    company: 'Uzņēmums',
    title: 'Amats',
    street: 'Iela',
    city: 'Pilsēta',
    region: 'Novads / reģions',
    postalCode: 'Pasta indekss',
    country: 'Valsts',
    birthday: 'Dzimšanas diena',
    website: 'Tīmekļa vietne',
    notes: 'Piezīmes',
    password: 'Parole',
  },
  fieldTypes: {
    text: 'Teksts',
    email: 'E-pasts',
    phone: 'Tālrunis',
    date: 'Datums',
    number: 'Skaitlis',
    url: 'Tīmekļa adrese',
    password: 'Parole',
  },

  mappingTitle: 'Savienojiet faila kolonnas ar kontakta laukiem',
  mappingColumn: 'Faila kolonna',
  mappingSamples: 'Vērtību piemēri',
  mappingField: 'Kontakta lauks',
  mappingKey: 'Unikālā atslēga',
  mappingRemove: 'Noņemt',
  mappingFieldFor: (column) => `Kontakta lauks kolonnai "${column}"`,
  mappingKeyFor: (column) => `Izmantot "${column}" kā unikālo atslēgu`,
  mappingRemoveFor: (column) => `Noņemt kolonnas "${column}" sasaisti`,
  mappingIgnore: 'Neimportēt',
  mappingNewField: 'Jauns lauks…',
  mappingCustomFields: 'Pielāgotie lauki',
  mappingBuiltInFields: 'Kontakta lauki',
  mappingSuggested: 'Ieteikts',
  mappingNoSamples: 'Paraugā tukšs',
  newFieldLabel: 'Jaunā lauka nosaukums',
  newFieldType: 'Tips',
  newFieldRequired: 'Obligāts: rindas bez vērtības netiek importētas',
  newFieldOptions: 'Atļautās vērtības, katra savā rindā (tukšs – jebkura)',
  newFieldOptionTooLong: (line: number, max: number) =>
    `Atļauto vērtību ${line}. rinda ir garāka par ${max} rakstzīmēm.`,
  newFieldAdd: 'Pievienot lauku',
  keyGenerated: 'Ģenerētas atslēgas',
  keyGeneratedHelp:
    'Katrs kontakts saņem jaunu 9 ciparu atslēgu. Katrs imports pievieno faila rindas kā jaunus kontaktus, tāpēc vēlāks imports nevar atjaunināt vai dzēst esošos.',
  keyColumnHelp: (column) =>
    `Rindas tiek salīdzinātas ar esošajiem kontaktiem pēc "${column}": kontakts, kura vērtība ir failā, tiek atjaunināts, pārējos var dzēst.`,
  keyConflict:
    'Ģenerētas atslēgas nevar atjaunināt vai dzēst esošos kontaktus: izvēlieties unikālās atslēgas kolonnu vai izslēdziet atjaunināšanu un dzēšanu.',
  mappingNothing: 'Sasaistiet vismaz vienu kolonnu ar kontakta lauku.',
  mappingRequired: (field) => `“${field}” ir obligāts: sasaistiet ar to kolonnu.`,
  fieldRequired: (label) => `${label} (obligāts)`,
  twinFound: (name) =>
    `“${name}” jau importē failu ar šādu nosaukumu šajā adrešu grāmatā. Atjaunināt šo importu ar šo failu vai iestatīt atsevišķu?`,
  twinUpdate: (name) => `Atjaunināt “${name}”`,
  twinNew: 'Iestatīt atsevišķu importu',
  vcardNotCsv:
    'Šis fails ir vCard adrešu grāmata (.vcf), nevis CSV fails. Importējiet to vietā, kur tiek lasīti vCard faili, piemēram, tālruņa panelī.',
  vcardHandedOver:
    'Šis fails ir vCard adrešu grāmata (.vcf): tas atvērts tālruņa panelī, kur tiek importēti vCard faili.',
  keyGeneratedOptionsOff: (update, remove) =>
    `Ģenerētās atslēgas katru rindu padara par jaunu kontaktu, tāpēc šim importam ir izslēgts “${update}” un “${remove}”.`,

  scheduleTitle: 'Grafiks',
  scheduleStart: 'Sākuma datums',
  scheduleStarts: 'Kad sākt',
  scheduleUpcoming: (runs) => `Nākamās reizes: ${runs.join(' · ')}`,
  scheduleNoMore: 'Šis grafiks vairs nedarbosies (tā beigas ir pagājušas).',
  scheduleTime: 'Laiks',
  scheduleTimeZone: 'Laika josla',
  scheduleRepeat: 'Atkārtot',
  recurrence: {
    daily: 'Katru dienu',
    weekdays: 'Katru darbdienu (pirmdiena–piektdiena)',
    weekly: 'Katru nedēļu',
    'monthly-day': 'Katru mēnesi noteiktā datumā',
    'monthly-weekday': 'Katru mēnesi noteiktā nedēļas dienā',
    yearly: 'Katru gadu',
  },
  scheduleEvery: 'Ik pēc',
  scheduleUnit: {
    daily: 'dien.',
    weekly: 'ned.',
    'monthly-day': 'mēn.',
    'monthly-weekday': 'mēn.',
  },
  scheduleOnDays: 'Dienās',
  scheduleDayOfMonth: 'Mēneša diena',
  scheduleNth: 'Kura',
  nth: { '1': 'Pirmā', '2': 'Otrā', '3': 'Trešā', '4': 'Ceturtā', '-1': 'Pēdējā' },
  scheduleWeekday: 'Nedēļas diena',
  scheduleMonth: 'Mēnesis',
  scheduleRange: 'Beidzas',
  rangeForever: 'Nekad',
  rangeCount: 'Pēc noteikta importu skaita',
  rangeCountLabel: 'Importu skaits',
  rangeUntil: 'Noteiktā datumā',
  rangeUntilLabel: 'Pēdējais datums',
  scheduleNotify: 'E-pasts par neizdevušos importu (nav obligāts)',
  scheduleDayPast: 'Ja mēnesis ir īsāks, imports notiek tā pēdējā dienā.',
  schedulePaused: 'Apturēts (saglabāt iestatījumus, neimportēt)',
  scheduleIncomplete:
    'Pabeidziet grafiku: izvēlieties vismaz vienu dienu un beigu datumu pēc sākuma.',

  wizardTitle: 'Importēt kontaktus',
  wizardEditTitle: (name) => `Labot "${name}"`,
  wizardRunTitle: (name) => `Imports “${name}”`,
  wizardSteps: {
    source: 'Avots',
    options: 'Iestatījumi',
    preview: 'Priekšskatījums',
    mapping: 'Kolonnas',
    review: 'Pārskats',
    run: 'Imports',
    schedule: 'Grafiks',
    done: 'Gatavs',
  },
  stepOf: (n, total) => `${n}. solis no ${total}`,
  back: 'Atpakaļ',
  next: 'Tālāk',
  finish: 'Pabeigt',
  saveForLater: 'Saglabāt vēlākam',
  keyEmpty: (column) =>
    `Unikālās atslēgas kolonnā “${column}” šajā failā nav vērtību, tāpēc neviena rinda netiktu importēta. Izvēlieties kolonnu, kas identificē katru kontaktu, vai ģenerētas atslēgas.`,
  close: 'Aizvērt',
  working: 'Notiek…',
  sourceHeading: 'Kur ir fails?',
  sourceLocal: 'Fails šajā datorā',
  sourceRemote: 'Fails serverī',
  chooseFile: 'Izvēlieties CSV vai Excel failu',
  dropHere: 'vai ievelciet to šeit',
  chosenFile: (name, size) => `${name} (${size})`,
  chooseAgain: (name) => `Lai importētu, izvēlieties failu vēlreiz (iepriekš: ${name}).`,
  needFile: 'Izvēlieties importējamo failu.',
  needAddress:
    'Norādiet, kur ir fails: serveris un ceļš, piem., files.example.com/exports/contacts.csv',
  protocol: 'Protokols',
  protocols: {
    http: 'HTTP',
    https: 'HTTPS',
    ftp: 'FTP',
    ftps: 'FTPS (tiešais TLS)',
    'ftps-implicit': 'FTPS (netiešais TLS)',
    sftp: 'SFTP',
  },
  address: 'Faila atrašanās vieta',
  addressHelp: 'Serveris un ceļš ar “/”, piem., files.example.com/exports/contacts.csv',
  login: 'Lietotājvārds',
  password: 'Parole',
  passwordKept: 'Šim lietotājam parole ir saglabāta. Atstājiet tukšu, lai to paturētu.',
  passwordHelp:
    'Tiek nosūtīta vienreiz starpniekserverim, kas to aizzīmogo; atklātā veidā netiek glabāta.',
  importName: 'Importa nosaukums',
  optionsHeading: 'Kā fails ir uzrakstīts?',
  optionHeader: 'Pirmajā rindā ir kolonnu nosaukumi',
  delimiter: 'Atdalītājs',
  delimiters: {
    auto: 'Noteikt automātiski',
    ',': 'Komats',
    ';': 'Semikols',
    '\t': 'Tabulācija',
    other: 'Cits',
  },
  otherDelimiter: 'Cits atdalītājs (viena rakstzīme)',
  needDelimiter: 'Ievadiet vienu rakstzīmi kā atdalītāju.',
  optionUpdate: 'Atjaunināt esošos kontaktus',
  optionDelete: 'Dzēst kontaktus, kuru nav failā',
  optionDeleteHelp:
    'Tiek dzēsti tikai šī importa ievestie kontakti. Ja failā ir 10% vai mazāk no tiem, ieplānots imports apstājas, lai kļūdains vai nepilnīgs fails neiztukšotu adrešu grāmatu.',
  optionEveryTime: 'Importēt katru reizi, arī ja fails nav mainījies',
  optionKeepMissing: 'Ja failā trūkst kartētas kolonnas, importēt pārējo',
  optionKeepMissingHelp:
    'Trūkstošo kolonnu lauki paliek nemainīti. Citādi šāds fails netiek importēts un nekas nemainās. Kolonnas vienmēr tiek saskaņotas pēc nosaukumiem, tāpēc jauna kolonnu secība ir droša.',
  notifyEmail: 'E-pasts par neizdevušos importu (nav obligāts)',
  badEmail: 'Ievadiet derīgu e-pasta adresi vai atstājiet lauku tukšu.',
  previewHeading: 'Vai viss izskatās pareizi?',
  previewFacts: (delimiter, detected, encoding) =>
    `${detected ? 'Noteiktais atdalītājs' : 'Atdalītājs'}: ${delimiter} · Kodējums: ${encoding}`,
  previewRows: (shown) => `Faila pirmās ${shown} rindas`,
  encodingLabel: 'Kodējums',
  previewOneColumn: (delimiter) =>
    `Katra rinda ir vienā kolonnā: fails, visticamāk, nav atdalīts ar ${delimiter}. Atgriezieties un izvēlieties tā atdalītāju.`,
  workbookFacts: (sheet, count) =>
    count === 1
      ? `Darbgrāmata: tiek lasīta tās lapa “${sheet}”.`
      : `Darbgrāmata ar ${count} lapām: tiek lasīta “${sheet}”.`,
  sheetLabel: 'Lapa',
  encodingAuto: 'Noteikt automātiski',
  encodingNames: {
    'utf-8': 'UTF-8',
    'windows-1252': 'Windows-1252 (Rietumeiropas)',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1250': 'Windows-1250 (Centrāleiropas)',
    'windows-1251': 'Windows-1251 (kirilica)',
    'windows-1257': 'Windows-1257 (Baltijas)',
    'iso-8859-1': 'ISO-8859-1 (Rietumeiropas)',
    'iso-8859-2': 'ISO-8859-2 (Centrāleiropas)',
    'iso-8859-13': 'ISO-8859-13 (Baltijas)',
    'iso-8859-15': 'ISO-8859-15 (Rietumeiropas, €)',
    shift_jis: 'Shift_JIS (japāņu)',
    gb18030: 'GB18030 (ķīniešu)',
  },
  previewWarnings: 'Brīdinājumi',
  delimiterNames: { ',': 'komats', ';': 'semikols', '\t': 'tabulācija', '|': 'vertikāla svītra' },
  mappingHeading: 'Kura kolonna kur?',
  reviewHeading: 'Kas mainīsies',
  reviewNew: 'Jauni',
  reviewUpdated: 'Atjaunināti',
  reviewUnchanged: 'Nemainīti',
  reviewDeleted: 'Dzēšami',
  reviewInvalid: 'Nederīgas rindas',
  reviewSkipped: 'Šeit jau dzēsti',
  reviewProblems: (count) => `Problēmas failā: ${count}`,
  reviewMoreProblems: (count) => `…un vēl ${count}.`,
  problemReport: 'Lejupielādēt problemātiskās rindas (CSV), lai tās labotu un importētu vēlreiz',
  reviewRow: (row) => `${row}. rinda`,
  issueAt: (row, column) => (column ? `${row}. rinda, kolonna “${column}”` : `${row}. rinda`),
  issues: {
    'invalid-email': (p) => `“${p.value}” nav derīga e-pasta adrese.`,
    'invalid-phone': (p) =>
      p.region
        ? `“${p.value}” nav tālruņa numurs, kas pastāv valstī ${p.region}; citas valsts numuru rakstiet ar valsts kodu (+…).`
        : `“${p.value}” nav tālruņa numurs.`,
    'invalid-date': (p) => `“${p.value}” nav derīgs datums.`,
    'invalid-number': (p) => `“${p.value}” nav skaitlis.`,
    'invalid-url': (p) => `“${p.value}” nav tīmekļa adrese.`,
    'missing-key': () => 'Unikālās atslēgas kolonnā nav vērtības; rinda netiek importēta.',
    'duplicate-key': (p) =>
      `Tāda pati unikālā atslēga kā ${p.firstRow}. rindā; rinda netiek importēta.`,
    'ragged-row': (p) =>
      `Kolonnu skaits ${p.found}, bet failā ir ${p.expected}; rinda netiek importēta. Iespējams, kāda vērtība satur atdalītāju bez pēdiņām.`,
    'unbalanced-quote': () => 'Pēdiņas nav aizvērtas; rinda netiek importēta.',
    'empty-row': () => 'Rinda ir tukša.',
    'value-too-long': (p) =>
      `Vērtības garums ir ${p.length} rakstzīmes, vairāk nekā ${p.max}, ko lauks var saturēt; rinda netiek importēta.`,
    'invalid-encoding': (p) =>
      `“${p.value}” satur baitus, kas nav nolasāms teksts (redzami kā �); rinda netiek importēta, lai neviens kontakts nesaņemtu sagrozītus burtus.`,
    'missing-required': (p) =>
      `“${p.field}” ir obligāts, bet šūna ir tukša; rinda netiek importēta.`,
    'not-an-option': (p) =>
      `“${p.value}” nav neviena no atļautajām vērtībām (${String(p.options).split('\n').slice(0, 5).join(', ')}); rinda netiek importēta.`,
    'failed-check': (p) => `“${p.value}”: ${p.reason}; rinda netiek importēta.`,
  },
  notes: {
    'file-unchanged': () =>
      'Fails kopš pēdējā importa nav mainījies, tāpēc tas netika importēts vēlreiz.',
    'remote-unchanged': () =>
      'Fails serverī kopš pēdējā importa nav mainījies, tāpēc tas netika lejupielādēts.',
    'read-utf8-skipping': () =>
      'Daži faila baiti nav derīgs UTF-8: rindas ar nenolasāmām rakstzīmēm netika importētas (skatiet problēmas).',
    'read-as-windows-1252': () =>
      'Fails nav derīgs UTF-8, tāpēc tas nolasīts kā Windows-1252 (Rietumeiropas). Pārbaudiet burtus ar diakritiskajām zīmēm.',
    'columns-reordered': () =>
      'Kolonnas ir citā secībā nekā iestatot šo importu; tās tika saskaņotas pēc nosaukumiem.',
    'columns-missing-kept': (p) =>
      `Failā nav kolonnu ${String(p.columns)
        .split('\n')
        .map((c) => `“${c}”`)
        .join(', ')}; šie lauki palika nemainīti.`,
    'empty-rows': (p) => `Tukšas rindas izlaistas (tukšas vai tikai atdalītāji): ${p.count}.`,
    late: (p, when) =>
      p.by === 'server'
        ? `Šis imports bija paredzēts ${when(Number(p.due))} un notika vēlāk, kad serveris atkal darbojās.`
        : `Šis imports bija paredzēts ${when(Number(p.due))} un notika vēlāk, kad portāls atkal bija atvērts cilnē (ieplānoti importi notiek tikai, kamēr portāls ir atvērts).`,
    'missed-caught-up': (p) => `Ar šo importu panākti iepriekš nokavētie importi: ${p.count}.`,
    'catch-up-next': () =>
      'Šis ieplānotais imports vienreiz tiks palaists vēlreiz, lai panāktu nokavēto.',
    'catch-up-done': () =>
      'Tas jau vienreiz tika palaists vēlreiz; nākamais ieplānotais imports mēģinās atkal.',
    'device-unreadable': (p) =>
      `Tālruņa kontakti, kurus nevarēja nolasīt un kuri netika importēti: ${p.count}.`,
    'undo-of': (p, when) => `Šis atsauca importu, kas notika ${when(Number(p.startedAt))}.`,
    'workbook-sheet': (p) => `Nolasīta darbgrāmatas lapa “${p.sheet}”.`,
  },
  errors: {
    'mass-delete-refused': (d, scheduled) =>
      `Failā ir tikai ${d.matched} no ${d.existing} šī importa pārvaldītajiem kontaktiem, tāpēc imports dzēstu ${d.deletes}. Tas tika atteikts, lai novērstu nejaušu masveida dzēšanu. ${
        scheduled
          ? 'Ieplānoti importi nekad nedzēš tik daudz: ja tas ir apzināti, izslēdziet “Dzēst kontaktus, kuru nav failā” vai izdzēsiet kontaktus paši, tad importējiet vēlreiz.'
          : 'Ja tas ir apzināti, pārskatiet importu un apstipriniet dzēšanu vai izslēdziet “Dzēst kontaktus, kuru nav failā”.'
      }`,
    'empty-file': () =>
      'Failā nav kontaktu rindu (tikai galvene vai tukšas rindas); nekas netika mainīts.',
    'not-csv': (d) =>
      d.format === 'vcard'
        ? 'Šis fails ir vCard adrešu grāmata (.vcf), nevis CSV fails. Importējiet to vietā, kur tiek lasīti vCard faili, piemēram, tālruņa panelī.'
        : 'Tas neizskatās pēc CSV faila; nekas netika mainīts.',
    busy: () => 'Šajā adrešu grāmatā pašlaik notiek imports; mēģiniet vēlreiz, kad tas beigsies.',
    interrupted: () =>
      'Imports apstājās, pirms beidzās (lapa tika aizvērta vai pārlūks apstājās); nekas netika mainīts.',
    'storage-full': () =>
      'Pārlūkam vairs nav vietas šī importa glabāšanai; nekas netika mainīts. Atbrīvojiet vietu un mēģiniet vēlreiz.',
    aborted: () => 'Imports tika atcelts; nekas netika mainīts.',
    'source-failed': (d) => {
      const why = sourceFailures[String(d.proxyCode ?? d.reason)];
      return why ? `Failu nevarēja iegūt: ${why} Nekas netika mainīts.` : null;
    },
    'columns-missing': (d) => {
      const columns = (d.columns as string[] | undefined)?.map((c) => `“${c}”`).join(', ');
      if (!columns) return null;
      return d.key
        ? `Failā nav kolonnas ${columns}, kas ir šī importa unikālā atslēga, tāpēc nekas netika mainīts. Pārbaudiet failu vai mainiet kartēšanu.`
        : `Failā nav kolonnu ${columns}, kuras šis imports kartē, tāpēc nekas netika mainīts. Izlabojiet kartēšanu vai izvēlieties atstāt šos laukus nemainītus, ja kolonnas trūkst.`;
    },
    'columns-changed': (d) =>
      d.expected === undefined
        ? null
        : `Failā ir ${d.found} kolonnas, bet pēdējā importā bija ${d.expected}. Bez galvenes rindas kolonnas nevar atšķirt, tāpēc nekas netika mainīts. Pārbaudiet failu vai iestatiet kartēšanu no jauna.`,
    'file-changed': () =>
      'Fails mainījās importa laikā (vai pēc tam, kad tika izvēlēts), tāpēc nekas netika mainīts. Importējiet to vēlreiz, kad tas ir saglabāts.',
    'parse-failed': (d) =>
      d.row === undefined
        ? null
        : d.limit
          ? `${d.row}. rinda ir miljoniem rakstzīmju gara bez rindas beigām, tātad tas nav CSV fails ar vienu kontaktu rindā. Pārbaudiet, vai tas ir CSV eksports; nekas netika mainīts.`
          : `${d.row}. rindā atvērtas pēdiņas netiek aizvērtas, tāpēc pārējo failu nevar nolasīt. Pārbaudiet pēdiņas šajā rindā; nekas netika mainīts.`,
    'mapping-invalid': (d) =>
      d.required !== undefined
        ? `Lauks “${d.required}” ir obligāts, bet uz to nav kartēta neviena kolonna. Kartējiet uz to kolonnu.`
        : d.field !== undefined && d.column !== undefined
          ? `Kolonna kartēta uz lauku, kas neeksistē (“${d.field}”). Pievienojiet lauku vai mainiet kartēšanu.`
          : d.field !== undefined
            ? 'Vairākas kolonnas kartētas uz vienu lauku. Kartējiet katru lauku vienreiz.'
            : d.column !== undefined
              ? 'Unikālās atslēgas kolonnas failā nav. Izvēlieties citu atslēgu.'
              : 'Neviena kolonna nav kartēta uz kontakta lauku. Kartējiet vismaz vienu.',
    'key-strategy-conflict': () =>
      'Ar ģenerētām atslēgām katrs imports izveido jaunus kontaktus, tāpēc tos nevar sasaistīt, lai atjauninātu vai dzēstu esošos. Izvēlieties unikālās atslēgas kolonnu vai izslēdziet atjaunināšanu un dzēšanu.',
    'consent-required': () =>
      'Šī tālruņa kontaktu sinhronizācija ir izslēgta (“Automātiskais eksports”). Ieslēdziet to vai importējiet jaunos kontaktus paši.',
    'check-failed': (d) =>
      `Lauka “${d.field}” pārbaude neatbildēja, tāpēc nekas netika mainīts. Mēģiniet vēlāk vēlreiz.`,
    'undo-unavailable': () =>
      'Šo importu vairs nevar atsaukt: adrešu grāmata pēc tā mainījās (labojums, dzēšana vai cits imports). Atsaukt var tikai pēdējās izmaiņas.',
    'backend-unreachable': () =>
      'Portāla serveris nav sasniedzams. Izmaiņas glabājas šajā pārlūkā un tiks nosūtītas, kad tas atkal būs pieejams.',
    'backend-refused': () =>
      'Portāla serveris atteica šim pārlūkam (iespējams, pieteikšanās beigusies). Piesakieties vēlreiz; izmaiņas pa to laiku gaida šeit.',
    'backend-failed': () =>
      'Portāla serverim radās problēma. Izmaiņas glabājas šajā pārlūkā un vēlāk tiks nosūtītas atkal.',
    'database-outdated': (d) =>
      d.reason === 'destroyed'
        ? 'Šajā pārlūkā saglabātie kontakti tika noņemti citā cilnē (piemēram, izrakstoties). Pārlādējiet lapu, lai turpinātu.'
        : 'ContactSync tika atjaunināts citā cilnē. Pārlādējiet lapu, lai turpinātu.',
    'storage-failed': () =>
      'Pārlūks nevarēja nolasīt vai ierakstīt saglabātos kontaktus; nekas netika mainīts. Pārlādējiet lapu un mēģiniet vēlreiz.',
  },
  reviewGuard: (existing, matched, deleting) =>
    `Failā ir tikai ${matched} no ${existing} šī importa pārvaldītajiem kontaktiem (10% vai mazāk), tāpēc tiktu dzēsti ${deleting}. Tā izskatās kļūdains vai nepilnīgs fails; ieplānots imports šeit apstājas.`,
  reviewConfirmDelete: (count) => `Jā, dzēst ${count} kontaktus`,
  reviewNeedConfirm: 'Apstipriniet dzēšanu vai atgriezieties un izslēdziet dzēšanu.',
  reviewUnchangedFile:
    'Fails kopš pēdējā importa nav mainījies, tāpēc nekas nemainīsies. Importējot tagad, tas tiks ierakstīts vēsturē; ieslēdziet “Importēt katru reizi”, lai importētu tik un tā.',
  mappingColumnsGone: (columns) =>
    `Šajā failā vairs nav kolonnu ${columns}, kuras saglabātais imports izmantoja. Pārbaudiet kartēšanu zemāk: tā šim failam ieteikta no jauna.`,
  reviewPlanFailed: 'Failu nevarēja pārbaudīt:',
  importNowButton: 'Importēt tagad',
  scheduleButton: 'Ieplānot…',
  runHeading: 'Notiek imports',
  stages: {
    downloading: 'Lejupielāde',
    hashing: 'Faila lasīšana',
    parsing: 'Rindu pārbaude',
    planning: 'Salīdzināšana ar adrešu grāmatu',
    writing: 'Kontaktu saglabāšana',
    committing: 'Pabeigšana',
  },
  runRows: (rows, rate) => `${rows} rindas · ${rate} rindas/s`,
  runBytes: (done, total) => `${done} no ${total}`,
  progressLabel: 'Importa gaita',
  doneHeading: 'Gatavs',
  doneCreated: 'Pievienoti',
  doneUpdated: 'Atjaunināti',
  doneUnchanged: 'Nemainīti',
  doneDeleted: 'Dzēsti',
  doneInvalid: 'Neimportēti (problēmas)',
  doneSkipped: 'Neielaisti (šeit jau dzēsti)',
  doneNothingChanged: 'Adrešu grāmatā nekas netika mainīts.',
  doneRun: (status) => `Importa rezultāts: ${status}`,
  doneScheduled: (next) => `Imports ir ieplānots. Nākamais imports: ${next}.`,
  doneSaved: 'Imports ir saglabāts.',
  saveFailed: 'Importu nevarēja saglabāt:',

  contactsTitle: 'Kontakti',
  folders: 'Mapes',
  allContacts: 'Visi kontakti',
  noFolder: 'Ārpus mapēm',
  search: 'Meklēt kontaktus',
  exportLabel: 'Eksportēt redzamos kontaktus',
  exportCsv: 'Eksportēt CSV',
  exportVCard: 'Eksportēt vCard',
  exported: (name) => `Eksportēts failā ${name}.`,
  contactsCount: (count) => `Kontakti: ${count}`,
  contactsEmpty: 'Šeit nav kontaktu.',
  contactsNoMatch: 'Neviens kontakts neatbilst meklētajam.',
  unnamed: '(bez vārda)',
  contactDetails: 'Kontakta dati',
  deleteContact: 'Dzēst kontaktu',
  confirmDeleteContactTitle: 'Dzēst šo kontaktu?',
  confirmDeleteContact: (name) =>
    `"${name}" tiek dzēsts tikai šeit. Imports vai tālruņa sinhronizācija to neatjaunos.`,
  contactDeleted: (name) => `"${name}" ir dzēsts.`,
  deletedFolder: 'Dzēstie',
  deletedTitle: 'Šeit dzēstie',
  deletedHint:
    'Šeit dzēstos sinhronizētos kontaktus neviens imports šajā adrešu grāmatā neatgriež. Atjaunojiet kontaktu, lai to atgrieztu; pēc tam importi to atkal atjaunina.',
  deletedEmpty: 'Šeit nav dzēsts neviens sinhronizēts kontakts.',
  deletedOn: (when) => `dzēsts ${when}`,
  restore: 'Atjaunot',
  restoreContact: (name) => `Atjaunot: ${name}`,
  contactRestored: (name) => `"${name}" ir atpakaļ; importi to atkal atjaunina.`,
  loading: 'Ielādē…',
  deviceTitle: (source) => `Kontakti no ${source}`,
  deviceSwitch: 'Automātiskā eksportēšana',
  deviceSwitchHelp: (folder) =>
    `Katru reizi, kad lietotne tiek izmantota, jaunie un mainītie tālruņa kontakti tiek kopēti mapē "${folder}". Šeit dzēstie kontakti netiek atjaunoti.`,
  deviceOff:
    'Izslēgts: pats nekas netiek sinhronizēts; jaunos kontaktus varat importēt zemāk, kad vēlaties. Jau sinhronizētie kontakti paliek mapē.',
  deviceNever: 'Vēl nav sinhronizēts.',
  deviceLast: (when, added, updated) =>
    `Pēdējā sinhronizācija: ${when} · pievienoti ${added}, atjaunināti ${updated}`,
  deviceNew: (count) => `Jauni kontakti tālrunī (${count})`,
  deviceNothingNew: 'Tālrunī nav jaunu kontaktu.',
  deviceKnown: (here, changed, deleted) =>
    `${here} jau šeit (mainīti ${changed}) · ${deleted} šeit dzēsti, netiek atjaunoti`,
  deviceUnreadable: (count) =>
    `Tālrunī nevarēja nolasīt kontaktus: ${count}; tie netiek importēti.`,
  deviceImport: (count) => `Importēt kontaktus: ${count}`,
  deviceInclude: (name) => `Importēt ${name}`,
  deviceDone: (added, updated) => `Sinhronizēts: pievienoti ${added}, atjaunināti ${updated}.`,
  devicePick: 'Izvēlēties kontaktus no šīs ierīces',
  deviceNoPicker:
    'Šī pārlūkprogramma nevar nolasīt tālruņa adrešu grāmatu. Eksportējiet kontaktus vCard failā (.vcf) un izvēlieties to šeit.',
  deviceVcf: 'vCard fails (.vcf)',
  deviceVcfIssues: 'Dažas kartes nevarēja nolasīt:',
  deviceUpdate: (count) => `Atjaunināt mainītos kontaktus: ${count}`,
  deviceAutoDone: (added, updated) =>
    added === '0' && updated === '0'
      ? 'Sinhronizēts automātiski: viss jau bija aktuāls.'
      : `Sinhronizēts automātiski: pievienoti ${added}, atjaunināti ${updated}.`,

  recipientsLabel: 'Kam',
  recipientsHint:
    'Ierakstiet vārdu vai e-pasta adresi. Tiek piedāvāti tikai kontakti ar e-pasta adresi.',
  recipientsNoMatch: 'Neviens kontakts ar e-pasta adresi neatbilst.',
  recipientRemove: (name) => `Noņemt ${name}`,
  sortLabel: 'Kārtot',
  sortBy: { name: 'Pēc vārda', added: 'Pēc pievienošanas' },
  recipientsCount: (count) => `Ieteikumi: ${count}. Izvēlieties ar bultiņu taustiņiem.`,
  recipientAdded: (name) => `${name} pievienots.`,

  syncOff: 'Kontakti tiek glabāti tikai šajā pārlūkā.',
  syncConnecting: 'Savienojas ar kontaktu serveri…',
  syncing: 'Saglabā un ielādē izmaiņas…',
  synced: (time) => `Visas izmaiņas saglabātas · ${time}`,
  syncPending: (count) =>
    count % 10 === 1 && count % 100 !== 11
      ? `${count} izmaiņa gaida šajā pārlūkā.`
      : `${count} izmaiņas gaida šajā pārlūkā.`,
  syncUnreachable: 'Kontaktu serveris nav sasniedzams.',
  syncRefused: 'Kontaktu serveris noraidīja pieteikšanos.',
  syncFailed: 'Kontaktu serverim radās kļūda.',
  syncRetryAt: (time) => `Atkārtos plkst. ${time}.`,
  syncNow: 'Mēģināt tagad',
};
