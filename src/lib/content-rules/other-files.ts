import { parseDataFile, parseFrontmatter } from '../frontmatter.ts';
import { authorSchema } from '../schemas.ts';
import { checkAgainstSchema, pageFileSchema, videoFileSchema, yamlProblems } from './schema-problems.ts';
import type { ContentRule } from './types.ts';

/** Authors, pages and videos: valid YAML and their schema, unknown fields included. */
export const otherFiles: ContentRule = {
  name: 'other-files',
  checks: 'authors, pages and videos are valid YAML with the fields of their kind',
  scope: 'site',
  check({ input }) {
    const kinds = [
      { files: input.authors, schema: authorSchema, noun: 'an author', parse: parseDataFile },
      { files: input.pages, schema: pageFileSchema(input.timeZone), noun: 'a page', parse: parseFrontmatter },
      { files: input.videos, schema: videoFileSchema(input.timeZone), noun: 'a video', parse: parseDataFile },
    ];
    return kinds.flatMap(({ files = [], schema, noun, parse }) =>
      files.flatMap((file) => {
        const fm = parse(file.text);
        if (fm.errors.length > 0) return yamlProblems(file.path, fm);
        return checkAgainstSchema(file.path, fm, schema, noun).problems;
      }),
    );
  },
};
