import type { z } from 'astro/zod';

/** Turns zod issues into one plain sentence per problem: "<where>: <field>: <what is wrong>". */
export function formatIssues(where: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(whole file)';
    return `${where}: ${field}: ${issue.message}`;
  });
}

/**
 * An error in what a person wrote (settings, content), not in the code: its message is the whole
 * report, so it carries no stack trace (Astro prints one only when an error has a stack).
 */
export class EditorMistakeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditorMistakeError';
    this.stack = '';
  }
}
