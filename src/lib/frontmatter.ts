import { Document, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';

export interface ParsedFrontmatter {
  /** The frontmatter as data (dates stay strings; the schema reads them). */
  data: unknown;
  /** The Markdown after the frontmatter. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /**
   * YAML syntax errors, with their 1-based line in the file; `whole` when the message is a sentence
   * of its own (no frontmatter, no closing `---`) rather than the YAML parser's.
   */
  errors: { line: number; message: string; whole?: boolean }[];
  /**
   * Plain (unquoted) text values that YAML cut short at a ` #` it read as the start of a comment,
   * where the comment starts right after the `#` (`title: Our #1 studio` is "Our"): a note written
   * as a comment has a space there (`subject: Valentina # the therapist`). `written` is the value
   * as typed on its line, comment and all.
   */
  cutByComment: { path: (string | number)[]; line: number; kept: string; written: string }[];
  /** The 1-based line in the file of a field, or of its nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * The frontmatter block: a first line that is exactly `---`, then YAML, then the next line that is
 * exactly `---`. A `---` inside a line (`STRETCH----Hold`, a dash run in a description) never ends
 * it (Astro's loader, too, only closes it at the start of a line). A byte-order mark may come first.
 */
const FRONTMATTER = /^\uFEFF?---\r?\n(?:([\s\S]*?)\r?\n)?---(?:\r?\n|$)/;

/**
 * Why a file has no frontmatter block (see FRONTMATTER), at the line to fix: no `---` on the first
 * line, a dash line that is not exactly `---` (`----`, `--- `), or no closing `---` at all.
 */
function missingFrontmatter(text: string): { line: number; message: string; whole: true } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const dashes = /^\s*-{3,}\s*$/;
  if (!dashes.test(lines[0] ?? '')) {
    return {
      line: 1,
      message:
        'the file has no frontmatter; it must start with a line "---", then its fields (one "name: value" a line), then a line "---"',
      whole: true,
    };
  }
  if (lines[0] !== '---') {
    return {
      line: 1,
      message: `the frontmatter starts only with a line of exactly "---"; write --- here`,
      whole: true,
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && dashes.test(line));
  if (close > 0) {
    return {
      line: close + 1,
      message: `"${lines[close]!.trim()}" does not end the frontmatter: only a line of exactly "---" does; write --- here`,
      whole: true,
    };
  }
  return {
    line: 1,
    message: 'the frontmatter opened by "---" on line 1 is never closed; add a line "---" after its last field',
    whole: true,
  };
}

/** Splits a Markdown file into frontmatter and body, keeping line numbers for error messages. */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const match = FRONTMATTER.exec(text);
  const parsed = parseYamlWithLines(match?.[1] ?? '', 1); // 1 for the opening ---
  const body = match ? text.slice(match[0].length) : text;
  return {
    ...parsed,
    data: match ? parsed.data : {},
    errors: match ? parsed.errors : [missingFrontmatter(text)],
    cutByComment: match ? parsed.cutByComment : [],
    body,
    bodyLine: match ? match[0].split('\n').length : 1,
  };
}

/**
 * Reads a whole YAML (or JSON) data file, such as an author or a video, the way parseFrontmatter
 * reads frontmatter: its data, its syntax errors and the line of each field.
 */
export function parseDataFile(text: string): ParsedFrontmatter {
  return { ...parseYamlWithLines(text, 0), body: '', bodyLine: 1 };
}

function parseYamlWithLines(yamlText: string, linesBefore: number): Omit<ParsedFrontmatter, 'body' | 'bodyLine'> {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + linesBefore;
  // The line of the key that names the field; for a missing field, of its nearest parent's key.
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth > 0; depth -= 1) {
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1) as unknown[], true) : doc.contents;
      const key = path[depth - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
        if (pair && isNode(pair.key) && pair.key.range) return toFileLine(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === 'number') {
        const item = parent.items[key];
        if (isNode(item) && item.range) return toFileLine(item.range[0]);
      }
    }
    return 1;
  };
  const cutByComment: ParsedFrontmatter['cutByComment'] = [];
  visit(doc, {
    Scalar(_, node, path) {
      const parent = path.at(-1);
      if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
      if (!node.comment || !/^\S/.test(node.comment) || (isPair(parent) && parent.key === node)) return;
      const lineEnd = yamlText.indexOf('\n', node.range[0]);
      const written = yamlText.slice(node.range[0], lineEnd < 0 ? undefined : lineEnd).trimEnd();
      if (!written.includes(' #')) return;
      const chain: unknown[] = [...path, node];
      const keys: (string | number)[] = [];
      chain.forEach((item, index) => {
        if (isPair(item) && isScalar(item.key)) keys.push(String(item.key.value));
        else if (isSeq(item)) keys.push(item.items.indexOf(chain[index + 1]));
      });
      cutByComment.push({ path: keys, line: toFileLine(node.range[0]), kept: node.value, written });
    },
  });
  return {
    data: doc.toJS() ?? {},
    errors: doc.errors.map((error) => {
      const line = toFileLine(error.pos[0]);
      const colonInValue =
        error.code === 'BLOCK_AS_IMPLICIT_KEY' ? describeColonInValue(yamlText, error.pos[0]) : undefined;
      return colonInValue
        ? { line, message: colonInValue, whole: true }
        : { line, message: error.message.split('\n')[0]! };
    }),
    cutByComment,
    lineOf,
  };
}

/**
 * `title: Massage: what to expect` is a syntax error to YAML (a second "key: value" on the line):
 * when the line at `offset` is a field whose value holds ": ", says to quote the value, as written.
 */
function describeColonInValue(yamlText: string, offset: number): string | undefined {
  const start = yamlText.lastIndexOf('\n', offset - 1) + 1;
  const end = yamlText.indexOf('\n', offset);
  const field = /^\s*(?:-\s+)?([^\s:#'"][^:]*?):\s+(\S.*?:\s.*?)\s*$/.exec(
    yamlText.slice(start, end < 0 ? undefined : end).replace(/\r$/, ''),
  );
  if (!field || /^["'[{|>]/.test(field[2]!)) return undefined;
  return `${field[1]}: a value with ": " in it must be in quotes; write ${field[1]}: ${JSON.stringify(field[2])}`;
}

/**
 * YAML 1.1's timestamp (https://yaml.org/type/timestamp.html): `2021-12-02`, `2021-12-02T10:00:00Z`,
 * `2021-12-2 10:00:00 +1`. Astro reads frontmatter and data files with a schema that has it, so
 * such a text left unquoted becomes a Date, and a title or a name of that form fails its schema.
 */
const YAML_11_TIMESTAMP =
  /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;

/**
 * YAML text for frontmatter or a data file, as the yaml library writes it (YAML 1.2, no line
 * folding), with every string that YAML 1.1 would read as a date in double quotes, so that Astro
 * reads it back as the same text. Values of `dateKeys` (e.g. pubDate) are left bare: there a date
 * is meant. Ends with a newline.
 */
export function stringifyYaml(data: Record<string, unknown>, dateKeys: readonly string[] = []): string {
  const document = new Document(data);
  visit(document, {
    Scalar(_, node, path) {
      if (typeof node.value !== 'string' || !YAML_11_TIMESTAMP.test(node.value)) return;
      const parent = path.at(-1);
      if (
        isPair(parent) &&
        parent.value === node &&
        isScalar(parent.key) &&
        dateKeys.includes(String(parent.key.value))
      ) {
        return;
      }
      if (isPair(parent) && parent.key === node) return;
      node.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString({ lineWidth: 0 });
}

/**
 * The Markdown file `text` with one top-level field added at the end of its frontmatter, every other
 * byte as it was (comments, quoting, the body). `value` is written by the yaml library. Returns
 * undefined, writing nothing, when the file has no frontmatter, its frontmatter has a syntax error,
 * is not a block mapping (a `{ … }` flow map), or already has the field.
 */
export function addFrontmatterField(text: string, key: string, value: unknown): string | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  const yamlText = match[1] ?? '';
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || (doc.contents !== null && (!isMap(doc.contents) || doc.contents.flow))) return undefined;
  if (isMap(doc.contents) && doc.contents.has(key)) return undefined;
  const line = stringifyYaml({ [key]: value }).trimEnd();
  const newline = match[0].includes('\r\n') ? '\r\n' : '\n';
  const opening = match[0].slice(0, match[0].indexOf('---') + 3) + newline;
  const block = yamlText.trim() ? `${yamlText.replace(/\s+$/, '')}${newline}${line}` : line;
  const closing = match[0].slice(match[0].lastIndexOf('---'));
  return `${opening}${block}${newline}${closing}${text.slice(match[0].length)}`;
}
