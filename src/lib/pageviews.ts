import { parse } from 'csv-parse/sync';
import { normalizePath } from './urls.ts';

/** Header names analytics tools use for the page column (GA4, Universal Analytics, Plausible, Matomo...). */
const PATH_HEADERS = [
  'page path and screen class',
  'page path',
  'pagepath',
  'page',
  'path',
  'pathname',
  'page url',
  'url',
  'landing page',
  'page location',
  'entry page',
  'label',
];
/** ...and for the views column, best first. */
const VIEW_HEADERS = [
  'views',
  'pageviews',
  'page views',
  'screenpageviews',
  'nb_hits',
  'hits',
  'visits',
  'visitors',
  'unique pageviews',
];

/** The marks an export may put between groups of thousands in a view count, as `--thousands-separator` takes them. */
export type ThousandsSeparator = '.' | ',';

export interface PageViewRows {
  pathHeader: string;
  viewsHeader: string;
  /** How the dot or comma in the views column was read, and why (for the import's summary). */
  numberFormat: string;
  /** The line where the export starts another table (left out), if it does. */
  nextTableLine?: number;
  /** That table's header row, as written. */
  nextTableHeader?: string;
  rows: { path: string; views: number; line: number }[];
}

export interface PageViewsOptions {
  /** The dot or comma that groups thousands in this export (`--thousands-separator`); by default it is read from the column. */
  thousandsSeparator?: ThousandsSeparator;
  /** The file name the messages start their `file:line:` with. */
  fileName?: string;
  /** The page column's header (`--page-column`), when the export names it in another language or its own way. */
  pageColumn?: string | undefined;
  /** The views column's header (`--views-column`), likewise ("Aufrufe", "Vues"). */
  viewsColumn?: string | undefined;
}

/**
 * A page-view export that cannot be read without guessing. `problems` holds one sentence per
 * problem, each naming the file and line, the value and what to do; `message` is all of them.
 */
export class PageViewsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PageViewsError';
    this.problems = problems;
  }
}

const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** Spaces (plain, no-break U+00A0, thin U+2009, narrow no-break U+202F) and apostrophes (' and ’, Swiss): they never mark a decimal. */
const SAFE_GROUPED = /^[1-9]\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+$|^[1-9]\d{0,2}(?:['\u2019]\d{3})+$/;
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
/** Comma groups: thousands (`1,480`), or the Indian lakh and crore (`1,23,456`: twos, then the last three). */
const COMMA_GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+$|^[1-9]\d?(?:,\d\d)+,\d{3}$/;

type Reading =
  | { kind: 'plain' | 'safe'; digits: string }
  | { kind: 'dot' | 'comma'; digits: string; groups: number }
  | { kind: 'fraction' | 'unreadable' };

/** What one views cell looks like, before the column decides what a dot or comma in it means. */
function readCell(text: string): Reading {
  if (/^\d+$/.test(text)) return { kind: 'plain', digits: text };
  if (SAFE_GROUPED.test(text)) return { kind: 'safe', digits: text.replace(/\D/g, '') };
  if (DOT_GROUPED.test(text))
    return { kind: 'dot', digits: text.replace(/\D/g, ''), groups: text.split('.').length - 1 };
  if (COMMA_GROUPED.test(text))
    return { kind: 'comma', digits: text.replace(/\D/g, ''), groups: text.split(',').length - 1 };
  // Digits with a dot or comma that cannot be a group of thousands (1.5, 12.34, 0.500, 1,480.5).
  if (/^\d[\d \u00a0\u2009\u202f'\u2019.,]*$/.test(text) && /[.,]\d+$/.test(text)) return { kind: 'fraction' };
  return { kind: 'unreadable' };
}

/**
 * An export file's text: UTF-16 when it starts with a UTF-16 byte order mark (Excel's "Unicode
 * Text", tab-separated, and some analytics tools' CSV), else UTF-8. Read as UTF-8, a UTF-16 file
 * is a NUL between every letter, and its header was "not found".
 */
export function decodeExport(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Reads an analytics CSV export (csv-parse: quotes, BOM, CRLF; `# ` preamble lines): finds the page
 * and views columns by their usual names and returns one row per page, with its 1-based line.
 * Rows without a page (totals) are skipped; the table ends at a later header row (a views header
 * and no number, as Universal Analytics' "Day Index,Pageviews"), reported as `nextTableLine`.
 *
 * View counts are whole numbers, so the only question is what a dot or comma in them means. The
 * rule, decided for the whole views column from all its values:
 * - `1480`, and `1 480`, `1\u00a0480`, `1\u202f480` (space, no-break and narrow no-break space) or
 *   `1'480`, `1’480` (Swiss) are read as they are: those marks only ever group thousands.
 * - A dot or comma followed by groups of exactly three digits (`1.480`, `12.031.400`, `1,480`) groups
 *   thousands when the column shows it (so does a comma in the Indian `1,23,456`, always two groups
 *   or more): some value has two or more groups (`12.031.400`), or some
 *   value is written without a dot or comma (`7`, `310`, `1 480`), which an export writing decimals
 *   would have written with its decimals too. So `1.480, 2.035, 310` is 1480, 2035 and 310.
 * - Refused as ambiguous, naming the lines and the flag to pass: every dot (or comma) value is
 *   like `1.480` and nothing else settles it (it is 1.48 in exports that write three decimals), or
 *   the column uses both the dot and the comma (`1.480` and `1,480`).
 * - `options.thousandsSeparator` settles it: that mark groups thousands; the other one is then a
 *   decimal mark, and its values are flagged.
 * - A value with a fraction that cannot be a group of thousands (`1.5`, `12.34`, `0.500`,
 *   `1,480.5`) is refused, never rounded; so is a value that is not a number (`n/a`, `-3`, empty).
 *
 * Throws a PageViewsError listing every problem (`file:line: ...`) when any value cannot be read
 * without guessing, and a plain Error when it cannot find both columns.
 */
export function parsePageViewsCsv(text: string, options: PageViewsOptions = {}): PageViewRows {
  // Spreadsheet programs in locales whose decimal mark is a comma separate columns with ";", and
  // some exports use tabs: each separator is tried in turn, the comma first, until one gives a table.
  // A separator that is not the file's may make it unreadable (`;"1.480"` read at commas has a quote
  // inside a cell): that separator is passed over, and its error only stands if no other gives a table.
  let unreadable: unknown;
  for (const delimiter of [',', ';', '\t']) {
    let records: { cells: string[]; line: number }[];
    try {
      records = readRecords(text, delimiter);
    } catch (error) {
      unreadable ??= error;
      continue;
    }
    const table = findViewsTable(records, delimiter, options);
    if (table) return table;
  }
  if (unreadable) throw unreadable;
  if (options.pageColumn || options.viewsColumn) {
    throw new Error(
      `no header row has ${[options.pageColumn && `a "${options.pageColumn}" column`, options.viewsColumn && `a "${options.viewsColumn}" column`].filter(Boolean).join(' and ')}${options.pageColumn && options.viewsColumn ? '' : ` and a ${options.pageColumn ? 'views' : 'page'} column of a usual name`}; write each name as the export's header row does (capitals and spaces do not matter)`,
    );
  }
  throw new Error(
    `no column of pages and views was found; the export needs a header row with a page column (${PATH_HEADERS.slice(0, 4).join(', ')}...) and a views column (${VIEW_HEADERS.slice(0, 3).join(', ')}...), its columns separated by commas, semicolons or tabs. If it names them otherwise (an export in another language), name them: --page-column "Seitenpfad und Bildschirmklasse" --views-column "Aufrufe"`,
  );
}

/** The export's rows, split at `delimiter`, each with its line in the file. */
function readRecords(text: string, delimiter: string): { cells: string[]; line: number }[] {
  return (
    // The export's notes ("# Start date: 20240101", "# ----") are blanked, keeping line numbers. Not
    // csv-parse's `comment`: it cut a row at any "#" (a page "/posts/x/#top", a title "C# at the
    // desk" or "#1 tip"), and its views were lost.
    (
      parse(text.replace(/^(\uFEFF?)#(?:[ \t-].*)?$/gm, '$1'), {
        bom: true,
        delimiter,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as unknown as { record: string[]; info: { lines: number } }[]
    ).map(({ record, info }) => ({ cells: record, line: info.lines }))
  );
}

/** The first table of pages and views in the rows (see parsePageViewsCsv), or undefined when there is none. */
function findViewsTable(
  records: readonly { cells: string[]; line: number }[],
  delimiter: string,
  options: PageViewsOptions,
): PageViewRows | undefined {
  const fileName = options.fileName ?? 'the export';
  const pathNames = options.pageColumn ? [normalizeHeader(options.pageColumn)] : PATH_HEADERS;
  const viewNames = options.viewsColumn ? [normalizeHeader(options.viewsColumn)] : VIEW_HEADERS;
  for (let index = 0; index < records.length; index += 1) {
    const headers = records[index]!.cells.map(normalizeHeader);
    const pathColumn = pathNames.map((name) => headers.indexOf(name)).find((i) => i >= 0);
    const viewsColumn = viewNames.map((name) => headers.indexOf(name)).find((i) => i >= 0);
    if (pathColumn === undefined || viewsColumn === undefined) continue;
    const viewsHeader = records[index]!.cells[viewsColumn]!;
    // The table ends where the export starts another one (Universal Analytics adds "Day Index,Pageviews").
    // A header row has a views header and no number, so a page titled "Visits" does not end it.
    const tableEnd = records.findIndex(
      (record, i) =>
        i > index &&
        record.cells.some((cell) => viewNames.includes(normalizeHeader(cell))) &&
        !record.cells.some((cell) => /^\d/.test(cell)),
    );
    const columns = records[index]!.cells.length;
    const cells = records
      .slice(index + 1, tableEnd < 0 ? undefined : tableEnd)
      .map((record) => ({
        path: record.cells[pathColumn]?.trim() ?? '',
        value: (record.cells[viewsColumn] ?? '').trim(),
        line: record.line,
        extra: record.cells.slice(columns).some(Boolean) ? record.cells.join(delimiter) : undefined,
      }))
      // A row without a page is a total or a blank line of the export, not a page.
      .filter((cell) => cell.path);
    const { numbers, numberFormat, problems } = readViewsColumn(
      cells,
      viewsHeader,
      fileName,
      options.thousandsSeparator,
    );
    problems.unshift(...describeExtraCells(cells, columns, fileName));
    if (problems.length) throw new PageViewsError(problems);
    return {
      pathHeader: records[index]!.cells[pathColumn]!,
      viewsHeader,
      numberFormat,
      nextTableLine: tableEnd < 0 ? undefined : records[tableEnd]!.line,
      nextTableHeader: tableEnd < 0 ? undefined : records[tableEnd]!.cells.join(','),
      rows: cells.map((cell, i) => ({ path: cell.path, views: numbers[i]!, line: cell.line })),
    };
  }
  return undefined;
}

/**
 * The rows that hold more cells than the header names (their extra cells not empty): a separator
 * inside a value that is not in quotes, most often a number grouped with the file's own separator
 * (`/a/,2,035` in a comma-separated file), which would otherwise be read as the cells before it
 * ("2") while the rest ("035") was dropped in silence. One sentence, naming each such line and
 * its row (`extra`: the row's cells as written, when it has too many).
 */
function describeExtraCells(
  cells: readonly { line: number; extra: string | undefined }[],
  columns: number,
  fileName: string,
): string[] {
  const rows = cells.filter((cell) => cell.extra !== undefined);
  if (rows.length === 0) return [];
  const where = rows
    .slice(0, 6)
    .map((cell) => `${fileName}:${cell.line}: "${cell.extra}"`)
    .join(', ');
  const more = rows.length > 6 ? ` and ${rows.length - 6} more` : '';
  return [
    `${where}${more}: ${rows.length === 1 ? 'this row has' : 'these rows have'} more cells than the ${columns} the header names, so a value holds the separator without quotes (a number such as 2,035 is split at its comma, and would be read as 2). Put such values in quotes ("2,035"), or export the views without a thousands separator; nothing is guessed.`,
  ];
}

/** Decides what a dot or comma means in one views column (the rule is on parsePageViewsCsv) and reads every value. */
function readViewsColumn(
  cells: readonly { value: string; line: number }[],
  header: string,
  fileName: string,
  given: ThousandsSeparator | undefined,
): { numbers: number[]; numberFormat: string; problems: string[] } {
  const readings = cells.map((cell) => readCell(cell.value));
  const where = (i: number) => `${fileName}:${cells[i]!.line}: "${cells[i]!.value}"`;
  const listOf = (kind: Reading['kind']) => readings.flatMap((reading, i) => (reading.kind === kind ? [i] : []));
  const list = (indexes: number[]) =>
    indexes.length > 6
      ? `${indexes.slice(0, 6).map(where).join(', ')} and ${indexes.length - 6} more`
      : indexes.map(where).join(', ');
  const dots = listOf('dot');
  const commas = listOf('comma');
  const problems: string[] = [];
  const fractions = listOf('fraction');
  if (fractions.length) {
    problems.push(
      `${list(fractions)}: ${fractions.length === 1 ? 'this value has' : 'these values have'} a fraction in the "${header}" column, and views are whole numbers; a dot or comma there is followed by 1, 2 or 4+ digits, so it cannot group thousands. Export the views as whole numbers (or check that "${header}" is the views column); nothing is rounded.`,
    );
  }
  const unreadable = listOf('unreadable');
  if (unreadable.length) {
    problems.push(
      `${list(unreadable)}: not a number of views in the "${header}" column; write a whole number such as 1480 (1.480, 1,480, 1 480 and 1'480 are read too).`,
    );
  }
  const flag = (mark: ThousandsSeparator) => `\`--thousands-separator ${mark}\``;
  let grouping: ThousandsSeparator | undefined = given;
  let numberFormat = given ? `"${given}" groups thousands (as ${flag(given)} says)` : 'whole numbers';
  if (!given && dots.length && commas.length) {
    problems.push(
      `The "${header}" column writes numbers two ways, with a dot (${list(dots)}) and with a comma (${list(commas)}), so one of them is a decimal mark and reading either would be a guess. If the dot groups thousands, run again with ${flag('.')}; if the comma does, with ${flag(',')}; values with the other mark are then refused as fractions.`,
    );
  } else if (!given && (dots.length || commas.length)) {
    const mark: ThousandsSeparator = dots.length ? '.' : ',';
    const marked = dots.length ? dots : commas;
    const name = mark === '.' ? 'dot' : 'comma';
    const manyGroups = marked.find((i) => (readings[i] as { groups: number }).groups > 1);
    const withoutMark = readings.findIndex((reading) => reading.kind === 'plain' || reading.kind === 'safe');
    if (manyGroups !== undefined) {
      grouping = mark;
      numberFormat = `"${mark}" groups thousands (as in "${cells[manyGroups]!.value}", line ${cells[manyGroups]!.line})`;
    } else if (withoutMark >= 0) {
      grouping = mark;
      numberFormat = `"${mark}" groups thousands (whole counts such as "${cells[withoutMark]!.value}", line ${cells[withoutMark]!.line}, show the export writes no decimals)`;
    } else {
      problems.push(
        `Every value in the "${header}" column is a number with a ${name} and three digits (${list(marked)}): exports that group thousands with a ${name} mean ${cells[marked[0]!]!.value.replace(/[.,]/g, '')}, those that write three decimals mean ${Number(cells[marked[0]!]!.value.replace(',', '.'))}, and nothing else in the column tells which. Views are whole numbers: if the ${name} groups thousands, run again with ${flag(mark)}.`,
      );
    }
  }
  // With the reading decided, the other of dot and comma is a decimal mark: its values are fractions.
  if (given) {
    const other = given === '.' ? commas : dots;
    if (other.length) {
      problems.push(
        `${list(other)}: with ${flag(given)}, "${given === '.' ? ',' : '.'}" is a decimal mark, so ${other.length === 1 ? 'this value has' : 'these values have'} a fraction in the "${header}" column, and views are whole numbers. Fix ${other.length === 1 ? 'it' : 'them'}, or pass the other separator.`,
      );
    }
  }
  const numbers = readings.map((reading) =>
    'digits' in reading &&
    (reading.kind === 'plain' || reading.kind === 'safe' || grouping === (reading.kind === 'dot' ? '.' : ','))
      ? Number(reading.digits)
      : Number.NaN,
  );
  return { numbers, numberFormat, problems };
}

/**
 * Totals views per post: a row counts for a post when its path is the post's address or one of its
 * old addresses (redirectFrom), written as a path or a full URL, with or without its query,
 * fragment, trailing slash or final index.html. Returns the snapshot (post path → views) and the rows that matched
 * no post.
 */
export function mapPageViewsToPosts(
  rows: readonly { path: string; views: number }[],
  postPathByAddress: ReadonlyMap<string, string>,
): { snapshot: Record<string, number>; unmatched: { path: string; views: number }[] } {
  const totals = new Map<string, number>();
  const unmatched: { path: string; views: number }[] = [];
  for (const row of rows) {
    // /posts/x/index.html is the page /posts/x/ (the file a static host serves for it), read as such.
    const postPath = postPathByAddress.get(normalizePath(row.path).replace(/\/index\.html?$/iu, '/'));
    if (postPath) totals.set(postPath, (totals.get(postPath) ?? 0) + row.views);
    else unmatched.push(row);
  }
  const snapshot = Object.fromEntries([...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { snapshot, unmatched };
}
