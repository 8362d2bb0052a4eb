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
  // "title:A post": YAML's other errors are read from the text with the spaces put in, as meant.
  const slips = findMissingSpaces(yamlText, doc);
  const meant = slips.length > 0 ? slips.fixed : yamlText;
  const meantCounter = new LineCounter();
  const meantDoc = slips.length > 0 ? parseDocument(meant, { lineCounter: meantCounter, prettyErrors: false }) : doc;
  const syntaxErrors = meantDoc.errors;
  const meantLine = (offset: number) =>
    (slips.length > 0 ? meantCounter : lineCounter).linePos(offset).line + linesBefore;
  const slipLines = new Set(slips.map((slip) => slip.line + linesBefore));
  return {
    data: doc.toJS() ?? {},
    errors: [
      ...slips.map((slip) => ({ line: slip.line + linesBefore, message: slip.message, whole: true })),
      // The slip's own message already says how to write its line.
      ...syntaxErrors.flatMap((error) => {
        const line = meantLine(error.pos[0]);
        if (slipLines.has(line)) return [];
        const colonInValue =
          error.code === 'BLOCK_AS_IMPLICIT_KEY'
            ? describeColonInValue(meant, error.pos[0])
            : error.code === 'DUPLICATE_KEY'
              ? describeDuplicateKey(meantDoc, error.pos[0], meantLine)
              : error.code === 'TAB_AS_INDENT'
                ? 'the line starts with a tab, which YAML does not allow for indenting; use spaces instead, as many as the lines at the same level (none for a field of its own)'
                : undefined;
        return [
          colonInValue
            ? { line, message: colonInValue, whole: true }
            : { line, message: error.message.split('\n')[0]! },
        ];
      }),
    ].sort((a, b) => a.line - b.line),
    cutByComment,
    lineOf,
  };
}

/**
 * A line that looks like a field whose colon YAML does not read: no space after it ("title:A post",
 * "  rating:5", "tags:[a]", "title :X"), or a full-width colon as Chinese and Japanese keyboards type
 * it ("title：按摩", with or without a space). Groups: indent, name, colon, space after it, value.
 */
const UNREAD_COLON = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*)[ \t]*(:(?![:/])|\uFF1A)([ \t\u3000]*)(\S.*?)[ \t]*$/;

/**
 * Fields written without a space after the colon (`title:A post`) or with a full-width colon
 * (`title：按摩`), which YAML does not read as fields: it joins the line to the next one into one key (a syntax error far from the slip), or,
 * when no error follows, keeps "title:A post" as text, so the field is missing. A line counts when,
 * with the space put in, YAML reads a field there, and either the text had syntax errors or YAML
 * read that line as a value of its own (the whole frontmatter, or `review:` then `  rating:5`, but
 * not a list item "- b:c", which may be text), never when it is part of longer text (a block `|` or
 * a value running over lines).
 * Rule: YAML 1.2.2, 7.4 ("Normally, YAML insists the ':' mapping value indicator be separated
 * from the value by white space").
 *
 * @returns each slip with its 1-based line in `yamlText` and its message (the field, and the line
 * as meant), and `fixed`: `yamlText` with every space put in, whose lines match `yamlText`'s
 */
function findMissingSpaces(yamlText: string, doc: Document): { line: number; message: string }[] & { fixed: string } {
  const lines = yamlText.split('\n');
  const candidates = new Map<number, RegExpExecArray>();
  lines.forEach((text, index) => {
    const match = UNREAD_COLON.exec(text.replace(/\r$/, ''));
    if (match && (match[3] === '\uFF1A' || match[4] === '')) candidates.set(index, match);
  });
  const found = Object.assign([] as { line: number; message: string }[], { fixed: yamlText });
  if (candidates.size === 0) return found;
  const fixedLines = lines.map((text, index) => {
    const match = candidates.get(index);
    return match ? `${match[1]}${match[2]}: ${match[5]}` : text;
  });
  const fixed = fixedLines.join('\n');
  const fixedCounter = new LineCounter();
  const fixedDoc = parseDocument(fixed, { lineCounter: fixedCounter });
  const keyLines = new Set<number>();
  visit(fixedDoc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range) keyLines.add(fixedCounter.linePos(pair.key.range[0]).line - 1);
    },
  });
  // Lines whose whole text YAML read as one value, when the text has no syntax error.
  const valueLines = new Set<number>();
  if (doc.errors.length === 0) {
    const counter = new LineCounter();
    visit(parseDocument(yamlText, { lineCounter: counter }), {
      Scalar(_, node) {
        if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
        const line = counter.linePos(node.range[0]).line - 1;
        if (node.value === lines[line]?.trim().replace(/^-[ \t]+/, '')) valueLines.add(line);
      },
    });
  }
  for (const [index, match] of candidates) {
    // An item of a list ("- b:c") may be text meant as written, unless the text has syntax errors.
    const quiet = doc.errors.length === 0 && (!valueLines.has(index) || match[1]!.includes('-'));
    if (!keyLines.has(index) || quiet) continue;
    const [, indent = '', key = '', colon = '', , value = ''] = match;
    const written = lines[index]!.slice(indent.length).trim();
    // A value that holds ": " or " #" must also be in quotes (see describeColonInValue).
    const shown = /:\s|\s#/.test(value) && !/^["'[{]/.test(value) ? JSON.stringify(value) : value;
    const why =
      colon === ':'
        ? 'a field needs a space after its colon'
        : 'the colon after a field\'s name must be an ordinary ":" (not the full-width "："), with a space after it';
    found.push({
      line: index + 1,
      message: `${key}: ${why}, so "${written}" is not read as the field; write ${key}: ${shown}`,
    });
  }
  found.fixed = found.length > 0 ? fixed : yamlText;
  return found;
}

/**
 * A field written twice in one block (`title:` on line 2 and again on line 7): YAML refuses it
 * ("Map keys must be unique") without naming it. Names the field and both lines, and says to keep
 * one. `offset` is where the second key starts; `lineAt` turns an offset into the file's line.
 */
function describeDuplicateKey(doc: Document, offset: number, lineAt: (offset: number) => number): string | undefined {
  let message: string | undefined;
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((pair) => pair.key);
      const second = keys.find((key) => isScalar(key) && key.range?.[0] === offset);
      if (!isScalar(second)) return undefined;
      const first = keys.find((key) => isScalar(key) && key !== second && key.value === second.value);
      const firstLine = isScalar(first) && first.range ? ` (line ${lineAt(first.range[0])} and here)` : '';
      message = `${String(second.value)}: written twice${firstLine}; a field can be written once, so keep the one you mean and remove the other`;
      return visit.BREAK;
    },
  });
  return message;
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
