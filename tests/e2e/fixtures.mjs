// Bundles the browser tests serve beside the viewer (as /fixtures/NAME), built from the
// committed bundle so they follow its shape.

/** A second, newer release in Russian, for the release picker and Cyrillic search. */
export function russianRelease(base) {
  const issue = structuredClone(base.issues[0]);
  Object.assign(issue, {
    number: 16,
    lang: 'ru',
    period: { from: '2025-08-16', to: '2025-08-31' },
    title: 'Информационный бюллетень о прошедших событиях в антинаркотической сфере',
    subtitle: 'по материалам СМИ',
  });
  issue.events = [
    {
      id: '2025-16-kz-1',
      country: 'kz',
      title: 'В АСТАНЕ ПРОШЛА АКЦИЯ «ЗДОРОВОЕ ЛЕТО»',
      paragraphs: [
        'Акцию провели волонтёры; полиция города раздала памятки.',
        'Школьникам рассказали о вреде наркотиков.',
      ],
      sources: [{ url: 'https://polisia.kz/ru/zdorovoe-leto/' }],
    },
    {
      id: '2025-16-kz-2',
      country: 'kz',
      title: 'ЗАДЕРЖАН КУРЬЕР СИНТЕТИЧЕСКИХ НАРКОТИКОВ',
      paragraphs: ['Курьер задержан на трассе Алматы – Астана.'],
      sources: [{ url: 'https://polisia.kz/ru/kurer/' }],
    },
    {
      id: '2025-16-kg-1',
      country: 'kg',
      outlet: 'TOPNEWS.KG',
      title: 'ПОЛИЦИЯ БИШКЕКА ПРОВЕРИЛА НОЧНЫЕ КЛУБЫ',
      paragraphs: [
        'Полиция Бишкека провела рейды в ночных клубах и барах столицы.',
        'Сотрудники полиции побеседовали с владельцами заведений.',
        'Рейды продолжатся до конца месяца.',
      ],
      sources: [{ url: 'https://topnews.kg/obshchestvo/nochnye-kluby.html' }],
    },
    {
      id: '2025-16-ru-1',
      country: 'ru',
      title: 'В ТАМБОВЕ ПРОШЛА АНТИНАРКОТИЧЕСКАЯ АКЦИЯ',
      paragraphs: ['Сотрудники УНК провели беседы со студентами.', 'Ёмкие листовки раздали прохожим.'],
      sources: [{ url: 'https://xn--b1aew.xn--p1ai/news/item/1' }],
    },
  ];
  issue.summary = {
    paragraphs: ['В период с 16 по 31 августа 2025 года СМИ сообщили о 4 событиях (Казахстан – 2, Кыргызстан – 1, Россия – 1).'],
    total: 4,
    counts: [
      { country: 'kz', label: 'Казахстан', count: 2 },
      { country: 'kg', label: 'Кыргызстан', count: 1 },
      { country: 'ru', label: 'Россия', count: 1 },
    ],
  };
  issue.contents = [
    { title: 'РЕСПУБЛИКА КАЗАХСТАН', country: 'kz', page: 2 },
    { title: 'КЫРГЫЗСКАЯ РЕСПУБЛИКА', country: 'kg', page: 3 },
    { title: 'РОССИЙСКАЯ ФЕДЕРАЦИЯ', country: 'ru', page: 4 },
  ];
  return issue;
}

/** Text a hostile or careless bundle could hold; all of it must stay text. */
export const HOSTILE_TITLE = '<script>alert("title")</script> SCRIPT IN A TITLE';
export const HOSTILE_IMG_TITLE = '<img src=x onerror="alert(\'img title\')">';
export const HOSTILE_PARAGRAPH = '<img src=x onerror="alert(\'paragraph\')"> an image tag in a paragraph';
export const HOSTILE_SOURCES = [
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert("mixed case")',
  'data:text/html,<script>alert("data")</script>',
  'vbscript:msgbox(1)',
];

export function hostileBundle() {
  return {
    format: 1,
    issues: [
      {
        number: 1,
        year: 2025,
        period: { from: '2025-01-01', to: '2025-01-15' },
        title: '<b onmouseover="alert(\'release\')">A release title</b>',
        publisher: {
          name: '<script>alert("publisher")</script>',
          email: 'x@example.org" onclick="alert(1)',
          website: 'javascript:alert("website")',
        },
        summary: { paragraphs: ['<iframe src="javascript:alert(1)"></iframe>'], counts: [] },
        contents: [{ title: '<a href="javascript:alert(1)">CONTENTS</a>', country: 'kz' }],
        events: [
          {
            id: '2025-1-kz-1',
            country: 'kz',
            title: HOSTILE_TITLE,
            outlet: '<svg onload=alert("outlet")>',
            paragraphs: [HOSTILE_PARAGRAPH, 'Second paragraph <script>alert("second")</script>'],
            sources: [...HOSTILE_SOURCES.map((url) => ({ url })), { url: 'https://example.org/safe' }],
          },
          {
            id: '2025-1-kz-2',
            country: 'kz',
            title: HOSTILE_IMG_TITLE,
            paragraphs: ['A single paragraph, so no control to expand it.'],
            sources: [],
          },
        ],
      },
    ],
  };
}

/**
 * Facts a hostile or broken bundle may hold: markup in every id, places past their text,
 * amounts huge, negative and with three readings, units and kinds no build knows.
 */
export function hostileFacts() {
  const bundle = hostileBundle();
  const at = (p, from, to) => ({ p, from, to });
  bundle.issues[0].events[0].facts = {
    drugs: [
      { drug: '<img src=x onerror=alert("drug")>', at: at(0, 0, 5) },
      { drug: 'heroin', at: at(7, 0, 5) },
    ],
    quantities: [
      { amount: 1e308, unit: 'kg', drug: 'heroin', at: at(0, 0, 99999) },
      { amount: -5, unit: '<b>kg</b>', at: at(0, 5, 2) },
      { readings: [1, 2, 3], unit: 'l', at: at(null, 0, 3) },
      { amount: 12, unit: 'tablets', drug: '"><script>alert("unit")</script>', at: at(1, 0, 6) },
    ],
    kinds: [{ kind: '<script>alert("kind")</script>', at: at(0, 0, 1) }, { kind: 'seizure', at: at(0, 0, 1) }],
  };
  bundle.issues[0].events[1].facts = {};
  return bundle;
}

/** Every bundle the test server serves under /fixtures/, by file name. */
export function FIXTURES(base) {
  const twoReleases = structuredClone(base);
  // Older first on purpose: the picker must sort newest first whatever the file's order.
  twoReleases.issues = [structuredClone(base.issues[0]), russianRelease(base)];

  const invalid = structuredClone(base);
  invalid.issues[0].events[3].title = 42;

  // Release #15 twice: as published (English) and in Russian; #16 only in Russian.
  const bilingual = structuredClone(base);
  const russian15 = structuredClone(base.issues[0]);
  russian15.lang = 'ru';
  russian15.title = 'Информационный бюллетень о прошедших событиях в антинаркотической сфере';
  for (const event of russian15.events) event.title = `ПО-РУССКИ: ${event.title}`;
  bilingual.issues = [structuredClone(base.issues[0]), russian15, russianRelease(base)];

  return {
    'bilingual.json': JSON.stringify(bilingual),
    'two-releases.json': JSON.stringify(twoReleases),
    'hostile.json': JSON.stringify(hostileBundle()),
    'hostile-facts.json': JSON.stringify(hostileFacts()),
    'invalid-title.json': JSON.stringify(invalid),
    'format-99.json': '{"format": 99, "issues": []}',
    'not-json.json': '<!DOCTYPE html><p>Not found</p>',
  };
}
