import { transformSync } from 'esbuild';

const minified = new Map<string, string>();

/**
 * A script's TypeScript source, minified for inlining in a page (is:inline scripts are shipped as
 * written, indentation and comments included). Made once per build for each source.
 */
export function minifyInlineScript(source: string): string {
  let code = minified.get(source);
  if (code === undefined) {
    code = transformSync(source, { loader: 'ts', minify: true, target: 'es2022', format: 'esm' }).code.trim();
    minified.set(source, code);
  }
  return code;
}
