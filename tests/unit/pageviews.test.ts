import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { PageViewsError, parsePageViewsCsv, type PageViewsOptions } from '../../src/lib/pageviews.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CASE_FILE = join(ROOT, 'tests/fixtures/pageviews/c7-dot-thousands.csv');

/** The views read from an export, page by page. */
const views = (text: string, options?: PageViewsOptions) =>
  Object.fromEntries(parsePageViewsCsv(text, options).rows.map((row) => [row.path, row.views]));
/** The sentences an export is refused with (fails the test when it is read instead). */
const refusal = (text: string, options?: PageViewsOptions) => {
  try {
    parsePageViewsCsv(text, { fileName: 'export.csv', ...options });
  } catch (error) {
    if (error instanceof PageViewsError) return error.message;
    throw error;
  }
  throw new Error('the export was read, but it should have been refused');
};

describe('numbers in a page-view export', () => {
  test('the C7 case: a GA4 column of 1.480, 2.035 and 310 is read as 1480, 2035 and 310 (3,825 views)', () => {
    const parsed = parsePageViewsCsv(readFileSync(CASE_FILE, 'utf8'));
    expect(parsed.rows.map((row) => row.views)).toEqual([1480, 2035, 310]);
    expect(parsed.rows.reduce((sum, row) => sum + row.views, 0)).toBe(3825);
    expect(parsed.numberFormat).toContain('"." groups thousands');
    expect(parsed.numberFormat).toContain('"310", line 4');
  });

  test('a German column with 12.031.400 is dot-thousands even when every value has a dot', () => {
    expect(views('Page path,Views\n/über-uns/,1.480\n/ölmassage/,12.031.400\n/a/,2.035\n')).toEqual({
      '/über-uns/': 1480,
      '/ölmassage/': 12031400,
      '/a/': 2035,
    });
  });

  test('the issue’s column of 1.480, 12.031 and 7 is dot-thousands', () => {
    expect(views('Page path,Views\n/a/,1.480\n/b/,12.031\n/c/,7\n')).toEqual({ '/a/': 1480, '/b/': 12031, '/c/': 7 });
  });

  test('an English Universal Analytics export with quoted 1,234 and a totals row reads the comma as thousands', () => {
    const text = [
      '# ----------------------------------------',
      '# All Web Site Data',
      '# Pages',
      '# ----------------------------------------',
      '',
      'Page,Pageviews,Unique Pageviews,Avg. Time on Page,Bounce Rate',
      '/2019/03/hot-stone.html,"1,234","1,001",00:01:12,45.50%',
      '/2019/04/shiatsu.html,87,80,00:00:40,60.00%',
      ',"1,321","1,081",00:01:10,47.02%',
      '',
      '# ----------------------------------------',
      'Day Index,Pageviews',
      '3/1/19,"1,200"',
      '3/2/19,121',
    ].join('\n');
    expect(views(text)).toEqual({ '/2019/03/hot-stone.html': 1234, '/2019/04/shiatsu.html': 87 });
    expect(parsePageViewsCsv(text).nextTableLine).toBe(12);
    // A page whose title is "Visits" is a page, not the start of another table.
    expect(views('Page,Page Title,Pageviews\n/a/,Visits,"1,234"\n/b/,Home,7\n')).toEqual({ '/a/': 1234, '/b/': 7 });
  });

  test('a GA4 export with a BOM, CRLF line ends and quoted values reads the same as a plain one', () => {
    const text =
      '\uFEFF# Pages and screens\r\nPage path and screen class,Views,Users\r\n"/posts/a/","1.480","900"\r\n"/posts/b/","2.035","1.100"\r\n"/posts/c/","99","80"\r\n';
    const parsed = parsePageViewsCsv(text);
    expect(parsed.pathHeader).toBe('Page path and screen class');
    expect(parsed.rows).toEqual([
      { path: '/posts/a/', views: 1480, line: 3 },
      { path: '/posts/b/', views: 2035, line: 4 },
      { path: '/posts/c/', views: 99, line: 5 },
    ]);
  });

  test('spaces, no-break spaces, French narrow no-break spaces and Swiss apostrophes group thousands', () => {
    const text = [
      'Page,Views',
      '/fr/massage-aux-pierres-chaudes/,1\u202f480',
      '/fr/réflexologie/,12\u00a0031',
      '/en/a/,2 035',
      "/ch/a/,1'480",
      '/ch/b/,1\u2019234\u2019567',
      '/x/,7',
    ].join('\n');
    expect(views(text)).toEqual({
      '/fr/massage-aux-pierres-chaudes/': 1480,
      '/fr/réflexologie/': 12031,
      '/en/a/': 2035,
      '/ch/a/': 1480,
      '/ch/b/': 1234567,
      '/x/': 7,
    });
  });

  test('an export saved by a spreadsheet that separates columns with semicolons (its other columns with decimal commas), and a tab-separated one, are read', () => {
    const semicolons = [
      '# Pages and screens',
      'Page path and screen class;Views;Average engagement time',
      '/2023/05/finding-mobile-massage-therapist.html;1.480;0,75',
      '/p/kontakt.html;2.035;1,5',
      '/;310;0,2',
    ].join('\n');
    expect(views(semicolons)).toEqual({
      '/2023/05/finding-mobile-massage-therapist.html': 1480,
      '/p/kontakt.html': 2035,
      '/': 310,
    });
    expect(views('Page path\tViews\n/posts/a/\t1 300\n/posts/b/\t7\n')).toEqual({ '/posts/a/': 1300, '/posts/b/': 7 });
  });

  test('a semicolon-separated export whose values are in quotes is read, not refused for a quote the comma reading found inside a cell', () => {
    const text = 'Page path;Views\n/posts/a/;"1.480"\n/posts/b/;"2.035"\n"/posts/c/";310\n';
    expect(views(text)).toEqual({ '/posts/a/': 1480, '/posts/b/': 2035, '/posts/c/': 310 });
    // A file that no separator can read keeps the parser's own message, with its line.
    expect(() => parsePageViewsCsv('Page,Views\n/a/,1"2\n')).toThrow(/quote/i);
  });

  test('a number split by the file’s own separator (2,035 without quotes in a comma-separated file) is refused by line, never read as 2', () => {
    const message = refusal('Page,Views\n/a/,1.480\n/b/,2,035\n/c/,310\n');
    expect(message).toContain('export.csv:3: "/b/,2,035"');
    expect(message).toContain('more cells than the 2 the header names');
    expect(message).toContain('quotes');
    expect(refusal('Page,Views\n/a/,1,480\n/c/,310\n')).toContain('export.csv:2: "/a/,1,480"');
    // Cells left empty past the header (a trailing separator) change nothing.
    expect(views('Page,Views\n/a/,1480,,\n/b/,7,\n')).toEqual({ '/a/': 1480, '/b/': 7 });
  });

  test('an export in another language is read when its columns are named (--page-column, --views-column), and the refusal says how', () => {
    const german = 'Seitenpfad und Bildschirmklasse;Aufrufe;Nutzer\n/posts/a/;1.480;1.102\n/posts/b/;310;250\n';
    expect(() => parsePageViewsCsv(german)).toThrow(
      /--page-column "Seitenpfad und Bildschirmklasse" --views-column "Aufrufe"/,
    );
    expect(views(german, { pageColumn: 'Seitenpfad und Bildschirmklasse', viewsColumn: 'aufrufe' })).toEqual({
      '/posts/a/': 1480,
      '/posts/b/': 310,
    });
    // One name given, the other found by its usual name; a name no header has is said as such.
    expect(views('Chemin,Views\n/a/,7\n', { pageColumn: 'chemin' })).toEqual({ '/a/': 7 });
    expect(() => parsePageViewsCsv(german, { viewsColumn: 'Vues' })).toThrow(
      'no header row has a "Vues" column and a page column of a usual name',
    );
  });

  test('a column where every value is like 1.480 is refused with its lines and the flag to pass', () => {
    const message = refusal('Page path,Views\n/a/,1.480\n/b/,2.035\n');
    expect(message).toContain('export.csv:2: "1.480"');
    expect(message).toContain('export.csv:3: "2.035"');
    expect(message).toContain('--thousands-separator .');
    expect(message).toContain('1480');
    expect(message).toContain('1.48');
  });

  test('a column that mixes 1.480 and 1,480 is refused, naming both kinds of rows and both flags', () => {
    const message = refusal('Page,Pageviews\n/a/,1.480\n/b/,310\n/c/,"1,480"\n');
    expect(message).toContain('export.csv:2: "1.480"');
    expect(message).toContain('export.csv:4: "1,480"');
    expect(message).toContain('--thousands-separator .');
    expect(message).toContain('--thousands-separator ,');
  });

  test('the flag reads a column that would otherwise be refused', () => {
    expect(views('Page path,Views\n/a/,1.480\n/b/,2.035\n', { thousandsSeparator: '.' })).toEqual({
      '/a/': 1480,
      '/b/': 2035,
    });
    expect(views('Page path,Views\n/a/,"1,480"\n/b/,"2,035"\n', { thousandsSeparator: ',' })).toEqual({
      '/a/': 1480,
      '/b/': 2035,
    });
  });

  test('with the flag, values written with the other mark are refused as fractions, by line', () => {
    const message = refusal('Page,Pageviews\n/a/,1.480\n/b/,"1,480"\n', { thousandsSeparator: '.' });
    expect(message).toContain('export.csv:3: "1,480"');
    expect(message).toContain('"," is a decimal mark');
    expect(message).not.toContain('export.csv:2');
  });

  test('fractions are flagged by line, never rounded', () => {
    const message = refusal('Page path,Views\n/a/,1.5\n/b/,12.34\n/c/,310\n/d/,0.500\n/e/,"1,480.5"\n');
    for (const cell of ['2: "1.5"', '3: "12.34"', '5: "0.500"', '6: "1,480.5"']) expect(message).toContain(cell);
    expect(message).not.toContain('"310"');
    expect(message).toContain('nothing is rounded');
  });

  test('a value that is not a number is named, not dropped', () => {
    const message = refusal('Page path,Views\n/a/,n/a\n/b/,-3\n/c/,\n/d/,5\n');
    for (const cell of ['2: "n/a"', '3: "-3"', '4: ""']) expect(message).toContain(cell);
    expect(message).toContain('not a number of views');
  });

  test('Indian grouping (1,23,456: lakh and crore) is read as commas grouping digits, not refused as a fraction', () => {
    expect(views('Page path,Views\n/a/,"1,23,456"\n/b/,"2,035"\n/c/,"1,02,34,567"\n')).toEqual({
      '/a/': 123456,
      '/b/': 2035,
      '/c/': 10234567,
    });
    expect(refusal('Page,Views\n/a/,"1,2,345"\n/b/,7\n')).toContain('export.csv:2: "1,2,345"');
  });

  test('a "#" inside a row (a page with a #fragment, a title with C#) is part of it, not a comment', () => {
    const text = '# GA4 export\nPage title,Page path,Views\nC# at the desk,/posts/a/#top,1480\n#1 tip,/posts/b/,310\n';
    expect(views(text)).toEqual({ '/posts/a/#top': 1480, '/posts/b/': 310 });
  });

  test('odd groupings such as 1.48 or 1 48 are not read as thousands', () => {
    expect(refusal('Page,Views\n/a/,1.48\n/b/,7\n')).toContain('export.csv:2: "1.48"');
    expect(refusal('Page,Views\n/a/,1 48\n/b/,7\n')).toContain('export.csv:2: "1 48"');
  });
});

describe('npm run import:pageviews', { timeout: 60_000 }, () => {
  // A content folder with the real posts and no stats, so the command writes only there.
  const content = mkdtempSync(join(tmpdir(), 'pageviews-content-'));
  cpSync(join(ROOT, 'content/posts'), join(content, 'posts'), { recursive: true });
  afterAll(() => rmSync(content, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/import-pageviews.ts'), ...args], {
      cwd: content,
      env: { ...process.env, BLOG_CONTENT_DIR: content },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  /** The stored page views, or undefined before any import has written them (tests run in any order). */
  const snapshot = () => {
    const file = join(content, 'stats/pageviews.json');
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };

  test('stores the C7 case as 1480 and 2035 views and reports 3825 in all', () => {
    const { status, output } = run(CASE_FILE);
    expect(status, output).toBe(0);
    expect(JSON.parse(snapshot()!)).toEqual({
      '/posts/how-massage-therapy-may-enhance-your-immune-system/': 2035,
      '/posts/comprehensive-overview-of-reflexology-massage/': 1480,
      '/posts/valentina-mobile-massage-canada-water-review/': 310,
    });
    expect(output).toContain('3 posts, 3825 views');
  });

  test('refuses an ambiguous column with exit 1, the rows and the flag, and writes nothing', () => {
    const before = snapshot();
    const file = join(content, 'ambiguous.csv');
    writeFileSync(
      file,
      'Page path and screen class,Views\n/posts/comprehensive-overview-of-reflexology-massage/,1.480\n/posts/valentina-mobile-massage-canada-water-review/,2.035\n',
    );
    const refused = run(file);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('ambiguous.csv:2: "1.480"');
    expect(refused.output).toContain('ambiguous.csv:3: "2.035"');
    expect(refused.output).toContain('--thousands-separator .');
    expect(refused.output).toContain('Nothing was written.');
    expect(snapshot()).toBe(before);

    const flagged = run(file, '--thousands-separator', '.');
    expect(flagged.status, flagged.output).toBe(0);
    expect(flagged.output).toContain('2 posts, 3515 views');
    expect(run(file, '--thousands-separator', 'x').status).toBe(1);
  });

  test('reads an export saved as UTF-16 (Excel’s “Unicode Text”: a byte order mark, tabs), little- or big-endian', () => {
    const text =
      'Page path\tViews\n/posts/comprehensive-overview-of-reflexology-massage/\t1 480\n/posts/valentina-mobile-massage-canada-water-review/\t310\n';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little);
    big.swap16();
    for (const [name, bytes] of [
      ['little.txt', little],
      ['big.txt', big],
    ] as const) {
      const file = join(content, name);
      writeFileSync(file, bytes);
      const { status, output } = run(file);
      expect(status, output).toBe(0);
      expect(output).toContain('2 posts, 1790 views');
    }
  });

  test('speaks of one row, one post and one view in the singular', () => {
    const file = join(content, 'one.csv');
    writeFileSync(
      file,
      'Page path and screen class,Views\n/posts/comprehensive-overview-of-reflexology-massage/,1\n/about/,1\n',
    );
    const { status, output } = run(file);
    expect(status, output).toBe(0);
    expect(output).toContain('Read 2 rows of');
    expect(output).toContain('1 post, 1 view.');
    expect(output).toContain('1 row (1 view) is not a post and was left out, e.g. /about/.');
  });
});
