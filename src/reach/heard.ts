// "How did you hear about this?": an optional question on the report form whose answer is a code
// (a campaign's name in its file, or "other"), never words the person typed. The answer is not part
// of the report: it is sealed beside it only until it is counted with the rest of its day
// (src/reach/tally.ts), and the team never receives it.
import { ANSWER_MAX_LENGTH } from '../report/crypto.ts';

/** The form field's name, in the HTML form and the JSON API. */
export const HEARD_FIELD = 'heard';

/** The answer for "another way". */
export const OTHER_ANSWER = 'other';

const CODE = new RegExp(`^[a-z0-9][a-z0-9-]{0,${ANSWER_MAX_LENGTH - 1}}$`);

/**
 * The answer to count, or undefined when there is none. A malformed answer is dropped, never an
 * error: a report is never refused because of a question that is only counted. Codes that are not
 * a campaign are shown on the reach page as "another way".
 */
export function heardAnswer(value: unknown): string | undefined {
  return typeof value === 'string' && CODE.test(value) ? value : undefined;
}

/** The question's words in English; other languages give them in their catalogues. */
export const HEARD_WORDS = {
  legend: 'How did you hear about this website? (optional)',
  hint: 'Your answer is not sent with your report. It only adds one to a count, so that we know which of our campaigns reach people.',
  other: 'Another way',
  none: 'I would rather not say',
} as const;
