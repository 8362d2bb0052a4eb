import type { ImportPlan } from './plan.ts';

/** Where the importer writes its to-do list, relative to the content folder. */
export const IMPORT_REPORT_PATH = '.imports/blogger-report.md';

const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;

/**
 * The import's to-do list as Markdown, for the owner: damaged entries and how each was mended
 * (`errors`), what the conversion removed or could not keep (`warnings`), images to describe (by
 * post), comments the site does not show (on a page, or on an entry the export lacks) with their
 * words, images described from a title or caption (to check), and images left at their remote
 * address, each with the entry's title and old address. `remoteReason` says why an image was not
 * downloaded.
 */
export function renderImportReport(
  plan: Pick<ImportPlan, 'altToDo' | 'interimAlt' | 'remoteImages'> &
    Partial<Pick<ImportPlan, 'errors' | 'warnings' | 'commentsNotShown'>>,
  remoteReason: (source: string) => string,
): string {
  const lines = ['# Blogger import: what is left to do', ''];
  lines.push('## Damaged entries', '');
  if (!plan.errors?.length) lines.push('None: every entry was whole.', '');
  else {
    lines.push('Each was imported as said here (or reported where it could not be); none stopped the import.', '');
    for (const error of plan.errors) lines.push(`- [ ] ${error}`);
    lines.push('');
  }
  lines.push('## Changes to check', '');
  if (!plan.warnings?.length) lines.push('None.', '');
  else {
    lines.push(
      'Scripts removed, links and images that were not web addresses, embeds the site cannot show, labels',
      'written several ways that became one tag:',
      '',
    );
    for (const warning of plan.warnings) lines.push(`- [ ] ${warning}`);
    lines.push('');
  }
  if (plan.commentsNotShown?.length) {
    lines.push(
      '## Comments the site does not show',
      '',
      'Readers wrote these on a page (pages here take no comments) or on an entry the export does not hold.',
      'Their words are kept here: answer them, move them into a post, or let them go.',
      '',
    );
    for (const comment of plan.commentsNotShown) {
      lines.push(
        `- [ ] ${comment.about}:`,
        '',
        ...comment.markdown.split('\n').map((line) => `  > ${line}`.trimEnd()),
        '',
      );
    }
  }
  lines.push('## Images without a description', '');
  if (plan.altToDo.length === 0) lines.push('None.', '');
  else {
    lines.push(
      'Readers who cannot see these images hear nothing about them. Write what each shows between the',
      'square brackets before its address (or in its `alt="..."` when it sits in HTML); when a post has',
      'none left, delete its `altTextPending: true` line: from then on the build insists on descriptions.',
      '',
    );
    for (const [file, images] of Map.groupBy(plan.altToDo, (image) => image.file)) {
      lines.push(`- content/${file}, ${images[0]!.entry}`);
      for (const image of images) lines.push(`  - [ ] ${code(image.src)}${image.inHtml ? ' (in HTML)' : ''}`);
    }
    lines.push('');
  }
  lines.push('## Descriptions taken from a title or caption', '');
  if (plan.interimAlt.length === 0) lines.push('None.', '');
  else {
    lines.push('A caption says what a picture is about; a description says what it shows. Check these:', '');
    for (const image of plan.interimAlt) {
      lines.push(`- [ ] content/${image.file}, ${code(image.src)}: from its ${image.from}, "${image.alt}"`);
    }
    lines.push('');
  }
  lines.push('## Images left at their remote address', '');
  if (plan.remoteImages.length === 0) lines.push('None: every image was downloaded.', '');
  else {
    lines.push(
      "They show as long as their host serves them; the site's Content-Security-Policy allows their hosts.",
      'Run the import again to retry them.',
      '',
    );
    const unsized = plan.remoteImages.filter((image) => image.sized === false).length;
    if (unsized > 0) {
      lines.push(
        `${unsized === 1 ? 'One of them has' : `${unsized} of them have`} no known size: neither the post nor the address says the shape,`,
        'so the text below moves when the picture arrives. Download it (run the import without --no-download),',
        'or add the width and height it shows at, as `<img … width="…" height="…">`.',
        '',
      );
    }
    for (const image of plan.remoteImages) {
      const size = image.sized === false ? '; size unknown (the page shifts when it loads)' : '';
      lines.push(`- ${image.entry}: ${code(image.source)} → ${code(image.src)}: ${remoteReason(image.source)}${size}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
