import type { z } from 'zod';

/** Turns zod issues into one plain sentence per problem: "<where>: <field>: <what is wrong>". */
export function formatIssues(where: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(whole file)';
    return `${where}: ${field}: ${issue.message}`;
  });
}
