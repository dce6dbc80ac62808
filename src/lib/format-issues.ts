// One readable message for a comms officer: the file, then each field that is wrong and what to do.
interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Formats zod issues as "file: field.path: message" lines. */
export function formatIssues(file: string, issues: readonly Issue[]): string {
  const lines = issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(the whole file)';
    return `  ${field}: ${issue.message}`;
  });
  return `${file} has ${issues.length === 1 ? 'a mistake' : `${issues.length} mistakes`}:\n${lines.join('\n')}`;
}
