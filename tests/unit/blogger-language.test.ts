import { describe, expect, test } from 'vitest';
import { chooseBlogLanguage, detectBlogLanguage, detectEntryLanguage } from '../../src/lib/blogger/language.ts';
import { exampleLanguageOfScript, languageOfScript, otherScriptThan } from '../../src/lib/language.ts';
import { planImport } from '../../src/lib/blogger/plan.ts';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';

/** Posts as a Blogger export holds them: messy HTML, a code sample, a link, an English word or two. */
const RUSSIAN = [
  {
    title: 'Массаж шеи для начинающих',
    html: '<div dir="ltr"><p>Шея устаёт быстрее, чем кажется: восемь часов за ноутбуком, и к вечеру плечи поднимаются к ушам. Начните с лёгкого поглаживания от затылка к плечам, затем переходите к разминанию трапециевидной мышцы.</p><p>Подробнее — в нашем <a href="http://example.blogspot.com/2019/03/x.html">прошлом посте</a>. Не давите на позвонки!</p></div>',
  },
  {
    title: 'Горячие камни дома: что пошло не так',
    html: '<p>Мы нагрели базальтовые камни до 55&nbsp;°C, и это было слишком горячо. Проверяйте каждый камень на внутренней стороне предплечья, прежде чем класть его на спину клиента. Держите рядом миску с холодной водой.</p><pre>t = 50..55 °C</pre>',
  },
  {
    title: 'Self-massage: стопы после долгого дня',
    html: '<p>Теннисный мяч под стопой — самый простой инструмент. Катайте его от пятки к пальцам две-три минуты, затем разотрите стопу ладонями с тёплым маслом. Перед сном это помогает расслабиться и быстрее уснуть.</p>',
  },
];

const PORTUGUESE = [
  {
    title: 'Massagem nos pés antes de dormir',
    html: '<p>Uma massagem de dez minutos nos pés ajuda a desacelerar depois de um dia longo. Comece com movimentos circulares no calcanhar, suba pelo arco do pé e termine puxando suavemente cada dedo.</p>',
  },
  {
    title: 'Pedras quentes: o que aprendemos',
    html: '<div><p>Aquecemos as pedras de basalto a 55&nbsp;graus e foi demais. Teste sempre cada pedra no antebraço antes de apoiá-la nas costas do cliente, e deixe uma tigela de água fria por perto.</p></div>',
  },
];

const ROMANIAN_WITH_AN_ENGLISH_POST = [
  {
    title: 'Pietre calde acasă, pas cu pas',
    html: '<p>Pietrele calde nu au nevoie de un spa. Am început iarna trecută, când s-a stricat încălzirea în cabinet și clienții noștri tot voiau ședințele de sâmbătă. Un vas, un termometru și opt pietre netede au fost de ajuns.</p>',
  },
  {
    title: 'Masajul tălpilor înainte de culcare',
    html: '<p>Zece minute de masaj la tălpi ajută corpul să se liniștească după o zi lungă. Începeți cu mișcări circulare pe călcâi, urcați pe arcul piciorului și terminați trăgând ușor de fiecare deget.</p>',
  },
  {
    title: 'Ulei de migdale sau de cocos?',
    html: '<p>Uleiul de migdale se absoarbe încet și lasă mâinile să alunece pe piele; cel de cocos se întărește iarna și trebuie încălzit. Pentru clienții cu piele sensibilă folosim ulei de migdale fără parfum.</p>',
  },
  {
    title: 'A note for our English-speaking clients',
    html: '<p>We now offer sessions in English on Tuesdays and Thursdays. Book by phone or write to us through the contact page, and tell us if you have any injury we should know about before we start.</p>',
  },
];

const ENGLISH = [
  {
    title: 'Finding a mobile massage therapist',
    html: '<p>A good mobile therapist brings their own couch, fresh towels and a clear price list. Ask about insurance, ask what happens if you cancel, and ask whether they have worked with clients who have back trouble.</p>',
  },
];

describe('detectBlogLanguage reads the language of a blog from its posts’ text', () => {
  test.each([
    ['Russian', RUSSIAN, { language: 'ru', entries: 3, read: 3 }],
    ['Portuguese', PORTUGUESE, { language: 'pt', entries: 2, read: 2 }],
    ['Romanian, with one post in English', ROMANIAN_WITH_AN_ENGLISH_POST, { language: 'ro', entries: 3, read: 4 }],
    ['English', ENGLISH, { language: 'en', entries: 1, read: 1 }],
    [
      'Japanese',
      [
        {
          title: '足つぼマッサージの基本',
          html: '<p>一日の終わりに足の裏をゆっくり押すと、体全体がほぐれていくのを感じます。かかとから指先に向かって親指で円を描くように押し、最後に指を一本ずつやさしく引っ張りましょう。痛みを感じたらすぐにやめてください。</p><p>温かいオイルを使うと、すべりがよくなり肌への負担も少なくなります。寝る前の十分間だけでも、続けることで眠りが深くなったという声をたくさんいただいています。</p>',
        },
      ],
      { language: 'ja', entries: 1, read: 1 },
    ],
  ])('%s', (_name, entries, detected) => {
    expect(detectBlogLanguage(entries)).toEqual(detected);
  });

  test('a short post in Chinese, whose characters say as much as words, is enough', () => {
    expect(
      detectBlogLanguage([
        {
          title: '睡前足部按摩',
          html: '<p>十分钟的足部按摩可以帮助你在漫长的一天之后放松下来。先在脚跟处做圆周运动，最后轻轻拉动每一个脚趾。</p>',
        },
      ]),
    ).toEqual({ language: 'zh', entries: 1, read: 1 });
  });

  test('posts too short to tell (a picture and a caption) say nothing; nor does a blog split between two languages', () => {
    expect(detectBlogLanguage([{ title: 'Foto', html: '<p><img src="x.jpg"> Sábado!</p>' }])).toBeUndefined();
    expect(detectBlogLanguage([...PORTUGUESE, ...RUSSIAN.slice(0, 2)])).toBeUndefined();
  });
});

describe('chooseBlogLanguage: the flag or the export, else the text, else the site’s, and the owner is told', () => {
  test('a language the owner or the export stated is taken as it is, with nothing to report', () => {
    expect(chooseBlogLanguage('pt-BR', RUSSIAN, 'en-GB')).toEqual({ language: 'pt-BR' });
  });

  test('a Takeout export of a Russian blog is imported as Russian, and the report says how to change it', () => {
    const choice = chooseBlogLanguage(undefined, RUSSIAN, 'en-GB');
    expect(choice.language).toBe('ru');
    expect(choice.note).toBe(
      "the export does not say the blog's language; its text is in ru (3 of the 3 posts and pages with enough text to tell), so it is imported as ru; pass --language with its tag (such as --language pt-BR) to change it",
    );
  });

  test('a blog in the site’s language keeps the site’s tag, region and all', () => {
    expect(chooseBlogLanguage(undefined, ENGLISH, 'en-GB')).toEqual({
      language: undefined,
      note: expect.stringContaining("so it is imported as the site's language, en-GB"),
    });
  });

  test('text that shows no one language: the site’s is assumed, and the report says so', () => {
    expect(chooseBlogLanguage(undefined, [{ title: 'Foto', html: '<img src="x.jpg">' }], 'en-GB')).toEqual({
      note: "the export does not say the blog's language, and its text shows no one language clearly; it is assumed to be the site's, en-GB; pass --language with its tag (such as --language pt-BR) to change it",
    });
  });
});

describe('both export formats reach the same language', () => {
  const escape = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const takeout = (entries: typeof PORTUGUESE) =>
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">${entries
      .map(
        (entry, n) =>
          `<entry><id>tag:blogger.com,1999:blog-5.post-${n}</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><title>${entry.title}</title><content type="html">${escape(entry.html)}</content><published>2021-03-0${n + 1}T10:00:00.000Z</published><blogger:filename>/2021/03/p${n}.html</blogger:filename></entry>`,
      )
      .join('')}</feed>`;
  const backup = (entries: typeof PORTUGUESE, locale?: string) =>
    `<feed xmlns='http://www.w3.org/2005/Atom'>${
      locale
        ? `<entry><id>tag:blogger.com,1999:blog-5.settings.BLOG_LOCALE</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><content type='text'>${locale}</content></entry>`
        : ''
    }${entries
      .map(
        (entry, n) =>
          `<entry><id>tag:blogger.com,1999:blog-5.post-${n}</id><published>2021-03-0${n + 1}T10:00:00.000-08:00</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>${entry.title}</title><content type='html'>${escape(entry.html)}</content><link rel='alternate' type='text/html' href='https://maos.blogspot.com/2021/03/p${n}.html'/><author><name>Ana</name></author></entry>`,
      )
      .join('')}</feed>`;
  const choose = (xml: string) => {
    const exported = parseBloggerExport(xml);
    return chooseBlogLanguage(exported.settings.language, exported.items, 'en-GB');
  };

  test('a Takeout feed.atom and a backup without its language entry are both read from the text', () => {
    for (const xml of [takeout(PORTUGUESE), backup(PORTUGUESE)]) {
      expect(choose(xml)).toEqual({ language: 'pt', note: expect.stringContaining('its text is in pt (2 of the 2') });
    }
  });

  test('a backup with its language entry says it, and nothing is reported', () => {
    expect(choose(backup(PORTUGUESE, 'pt_BR'))).toEqual({ language: 'pt-BR' });
  });
});

describe('detectEntryLanguage: a post clearly in another language than its blog’s says so itself', () => {
  const italian = {
    title: 'Massaggio ai piedi prima di dormire',
    html: '<p>Dieci minuti di massaggio ai piedi aiutano a rallentare dopo una lunga giornata. Cominciate con movimenti circolari sul tallone, salite lungo l’arco del piede e finite tirando piano ogni dito.</p><p>Con un olio tiepido le mani scivolano meglio e la pelle ringrazia.</p>',
  };

  test('a Romanian blog’s English notice is English; its Romanian posts are the blog’s', () => {
    const [english] = ROMANIAN_WITH_AN_ENGLISH_POST.slice(-1);
    expect(detectEntryLanguage(english!, 'ro')).toBe('en');
    for (const post of ROMANIAN_WITH_AN_ENGLISH_POST.slice(0, -1))
      expect(detectEntryLanguage(post, 'ro')).toBeUndefined();
  });

  test('a Portuguese blog’s Italian post is Italian; its Portuguese posts stay', () => {
    expect(detectEntryLanguage(italian, 'pt-BR')).toBe('it');
    for (const post of PORTUGUESE) expect(detectEntryLanguage(post, 'pt-BR')).toBeUndefined();
  });

  test('a Russian post in an English blog is Russian; Chinese characters need fewer of them', () => {
    expect(detectEntryLanguage(RUSSIAN[0]!, 'en-GB')).toBe('ru');
    expect(
      detectEntryLanguage(
        {
          title: '睡前足部按摩',
          html: '<p>十分钟的足部按摩可以帮助你在漫长的一天之后放松下来。先在脚跟处做圆周运动，然后沿着足弓向上推，最后轻轻拉动每一个脚趾。用温热的油会让手更顺滑，皮肤也更舒服。</p>',
        },
        'en-GB',
      ),
    ).toBe('zh');
  });

  test('too little text, or a blog language franc does not know, leaves the post in the blog’s language', () => {
    expect(
      detectEntryLanguage({ title: 'Sábado', html: '<p>Fotos do curso de sábado! Obrigada a todas.</p>' }, 'en'),
    ).toBeUndefined();
    expect(detectEntryLanguage(ENGLISH[0]!, 'fy')).toBeUndefined();
    // Code and addresses are in no human language: an English post full of them is still English.
    expect(
      detectEntryLanguage(
        { title: ENGLISH[0]!.title, html: `${ENGLISH[0]!.html}<pre>const massage = require('massage');</pre>` },
        'en-GB',
      ),
    ).toBeUndefined();
  });

  test('the import marks such a post with its own lang (or none when it is the site’s) and lists it', () => {
    const escape = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const xml = `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-5.settings.BLOG_LOCALE</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><content type='text'>ro</content></entry>${ROMANIAN_WITH_AN_ENGLISH_POST.map(
      (entry, n) =>
        `<entry><id>tag:blogger.com,1999:blog-5.post-${n}</id><published>2021-03-0${n + 1}T10:00:00.000+02:00</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>${entry.title}</title><content type='html'>${escape(entry.html)}</content><link rel='alternate' type='text/html' href='https://pietre.blogspot.com/2021/03/p${n}.html'/><author><name>Ioana</name></author></entry>`,
    ).join('')}</feed>`;
    const exported = parseBloggerExport(xml);
    const plan = (site: string) =>
      planImport(exported, {
        existingAuthors: new Set<string>(),
        takenPostSlugs: new Set<string>(),
        takenPageSlugs: new Set<string>(),
        site: { language: site, timeZone: 'Europe/Bucharest' },
        langField: { posts: true, pages: true },
      } as Parameters<typeof planImport>[1]);
    const langs = (result: ReturnType<typeof planImport>) =>
      Object.fromEntries(
        result.files
          .filter((file) => file.path.startsWith('posts/'))
          .map((file) => [file.path.split('/')[1], /^lang: (.*)$/m.exec(file.text)?.[1] ?? null]),
      );
    // On an English site the English notice takes the site's language; the rest say Romanian.
    const onEnglishSite = plan('en-GB');
    // The posts keep their old addresses' names: p3 is the English notice.
    expect(langs(onEnglishSite)).toEqual({ p0: 'ro', p1: 'ro', p2: 'ro', p3: null });
    expect(onEnglishSite.warnings).toContainEqual(
      expect.stringContaining(
        '"A note for our English-speaking clients" (/2021/03/p3.html) reads as en, not the blog\'s ro, so it is marked as the site\'s language, en-GB',
      ),
    );
    // On a Romanian site only the English notice states a language.
    expect(langs(plan('ro'))).toEqual({ p0: null, p1: null, p2: null, p3: 'en' });
  });
});

describe('a blog of short posts in many scripts (the newcomer’s S02)', () => {
  const MANY = [
    {
      title: 'Μασάζ για τον αυχένα',
      html: '<p>Ένα απαλό μασάζ στον αυχένα βοηθά πολλούς ανθρώπους να χαλαρώσουν.</p>',
    },
    { title: 'पैरों की मालिश के फायदे', html: '<p>सोने से पहले पैरों की हल्की मालिश करने से आराम मिलता है।</p>' },
    { title: 'นวดแผนไทยคืออะไร', html: '<p>การนวดแผนไทยเป็นศาสตร์ดั้งเดิมที่ช่วยให้กล้ามเนื้อผ่อนคลาย</p>' },
    { title: 'עיסוי רקמות עמוק', html: '<p>עיסוי רקמות עמוק מתאים לאנשים שסובלים ממתח שרירים כרוני.</p>' },
    { title: '💆‍♀️🌿✨', html: '<p>🌿</p>' },
    ENGLISH[0]!,
  ];

  test('one long English post among them does not make the blog English, nor one Greek post Greek', () => {
    expect(detectBlogLanguage(MANY)).toBeUndefined();
    expect(detectBlogLanguage([MANY[0]!])).toEqual({ language: 'el', entries: 1, read: 1 });
  });

  test('a short post in a script one language owns carries that language; a short Hindi post does not guess', () => {
    expect(MANY.slice(0, 4).map((post) => detectEntryLanguage(post, 'en-GB'))).toEqual(['el', undefined, 'th', 'he']);
    expect(detectEntryLanguage(MANY[4]!, 'en-GB')).toBeUndefined();
    expect(detectEntryLanguage(MANY[0]!, 'el')).toBeUndefined();
    expect(languageOfScript('Ἀθῆναι, Κρήτη and a few English words')).toBeUndefined();
    expect(languageOfScript('ひらがなとカタカナの文章です、漢字も少し')).toBe('ja');
  });
});

describe('otherScriptThan: a short text plainly in another script than the language it would be marked with', () => {
  test.each([
    ['Массаж шеи. Коротко.', 'ja', 'Cyrillic'],
    ['Neck massage', 'ru', 'Latin'],
    ['足裏マッサージの基本', 'ru', 'kana'],
    ['Ελληνικά', 'en-GB', 'Greek'],
    ['颈部按摩', 'ja', undefined],
    ['颈部按摩', 'zh-TW', undefined],
    ['Massagem nos pés', 'en-GB', undefined],
    ['Массаж', 'sr', undefined],
    ['تدليك', 'fa', undefined],
    ['OK', 'ru', undefined],
    ['Neck Массаж шеи', 'ru', undefined],
  ])('%j in a %s blog: %s', (text, language, script) => {
    expect(otherScriptThan(text, language)).toBe(script);
  });
});

describe('a short entry in another script: the lang example fits the script found', () => {
  const escape = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  /** One-line posts as blogs have them: a photo, a caption in the author's own language, a date. */
  const SHORT: [title: string, html: string][] = [
    ['पैर', '<div class="separator"><img src="https://1.bp.blogspot.com/-a/s320/feet.jpg"></div><p>पैरों की मालिश</p>'],
    ['تدليك', '<p dir="rtl">تدليك القدمين&nbsp;:)</p>'],
    ['עיסוי', '<p>קצר!</p>'],
    ['Массаж', '<p><b>Массаж</b> шеи, 5 мин.</p>'],
    ['ნუ', '<p>მასაჟი</p>'],
    ['Մերսում', '<p>Մերսում<br></p>'],
    ['মালিশ', '<p>পায়ের মালিশ</p>'],
    ['மசாஜ்', '<span style="font-size: large;">கால் மசாஜ்</span>'],
    ['足', '<p>足のマッサージ</p>'],
  ];
  const xml = `<feed xmlns='http://www.w3.org/2005/Atom'>${SHORT.map(
    ([title, html], n) =>
      `<entry><id>tag:blogger.com,1999:blog-5.post-${n}</id><published>2021-03-${String(n + 1).padStart(2, '0')}T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>${title}</title><content type='html'>${escape(html)}</content><link rel='alternate' type='text/html' href='https://calm.blogspot.com/2021/03/p${n}.html'/><author><name>Ann</name></author></entry>`,
  ).join('')}</feed>`;
  const plan = (language: string) =>
    planImport(parseBloggerExport(xml), {
      existingAuthors: new Set<string>(),
      takenPostSlugs: new Set<string>(),
      takenPageSlugs: new Set<string>(),
      blogLanguage: language,
      site: { language, timeZone: 'UTC' },
      langField: { posts: true, pages: true },
    });
  const asked = (result: ReturnType<typeof planImport>) =>
    Object.fromEntries(
      result.warnings.flatMap((line) => {
        const match = /\(\/2021\/03\/(p\d)\.html\) is written in (\S+) letters.*: (set its lang field.*)$/.exec(line);
        return match ? [[match[1], `${match[2]}: ${match[3]}`]] : [];
      }),
    );

  test('in an English blog, each script gets a language written in it as its example', () => {
    expect(asked(plan('en'))).toEqual({
      p0: 'Devanagari: set its lang field (lang: hi, say) to the language it is in',
      p1: 'Arabic: set its lang field (lang: ar, say) to the language it is in',
      p2: 'Hebrew: set its lang field (lang: he, say) to the language it is in',
      p3: 'Cyrillic: set its lang field (lang: ru, say) to the language it is in',
      p4: 'Georgian: set its lang field (lang: ka, say) to the language it is in',
      p5: 'Armenian: set its lang field (lang: hy, say) to the language it is in',
      p6: 'Bengali: set its lang field (lang: bn, say) to the language it is in',
      p7: 'Tamil: set its lang field (lang: ta, say) to the language it is in',
      p8: 'kana: set its lang field (lang: ja, say) to the language it is in',
    });
  });

  test('Latin letters, which many languages share, get no example', () => {
    const latin = `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-5.post-1</id><published>2021-03-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>Neck</title><content type='html'>&lt;p&gt;Neck rolls, 5 min.&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://calm.blogspot.com/2021/03/neck.html'/><author><name>Ann</name></author></entry></feed>`;
    const result = planImport(parseBloggerExport(latin), {
      existingAuthors: new Set<string>(),
      takenPostSlugs: new Set<string>(),
      takenPageSlugs: new Set<string>(),
      blogLanguage: 'ru',
      site: { language: 'ru', timeZone: 'UTC' },
      langField: { posts: true, pages: true },
    });
    expect(result.warnings).toContainEqual(
      expect.stringMatching(
        /is written in Latin letters, which ru is not, .*: set its lang field to the code of the language it is in$/,
      ),
    );
    expect(result.warnings.join('\n')).not.toContain('lang: ru, say');
  });

  test.each([
    ['Devanagari', 'hi', 'पैरों की मालिश'],
    ['Arabic', 'ar', 'تدليك القدمين'],
    ['Hebrew', 'he', 'עיסוי קצר'],
    ['Cyrillic', 'ru', 'Массаж шеи'],
    ['Greek', 'el', 'Μασάζ'],
    ['Thai', 'th', 'นวดแผนไทย'],
    ['Hangul', 'ko', '발 마사지'],
    ['Han', 'zh', '颈部按摩'],
    ['kana', 'ja', 'マッサージ'],
    ['Georgian', 'ka', 'მასაჟი'],
    ['Armenian', 'hy', 'Մերսում'],
    ['Bengali', 'bn', 'পায়ের মালিশ'],
    ['Tamil', 'ta', 'கால் மசாஜ்'],
  ])('exampleLanguageOfScript(%s) is %s, a language CLDR writes in that script', (script, language, sample) => {
    expect(exampleLanguageOfScript(script)).toBe(language);
    expect(otherScriptThan(sample, 'en')).toBe(script);
    // Text in the script is the example language's own.
    expect(otherScriptThan(sample, language)).toBeUndefined();
  });

  test('Latin, which many languages share, and a name it does not know give no example', () => {
    expect(exampleLanguageOfScript('Latin')).toBeUndefined();
    expect(exampleLanguageOfScript('Klingon')).toBeUndefined();
  });

  test('Georgian, Armenian, Bengali and Tamil are found like the others, by their letters alone', () => {
    expect(otherScriptThan('მასაჟი', 'en')).toBe('Georgian');
    expect(otherScriptThan('Մերսում', 'ru')).toBe('Armenian');
    expect(otherScriptThan('পায়ের মালিশ', 'hi')).toBe('Bengali');
    // Tamil's vowel signs are marks, not letters: "Neck" and two Tamil letters are mostly Latin.
    expect(otherScriptThan('Neck மசா', 'ta')).toBe('Latin');
    expect(otherScriptThan('கால் மசாஜ்', 'ta')).toBeUndefined();
    expect(otherScriptThan('கால் மசாஜ்', 'en')).toBe('Tamil');
  });
});
