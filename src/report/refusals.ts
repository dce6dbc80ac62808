// Why the router refused a whole post (too long, too many tries, the store failing, sent already,
// a reference and code that do not match), by code. The JSON API answers in the English below; a
// form page is handed the code and its values, and says the same in its own language from
// "refusal.<code>" in content/i18n/<code>.yaml (English: these, pulled in by src/integrations/i18n.ts).
// Nothing parses a sentence back.
import { formatMessage, type Message, type Params } from '../i18n/format.ts';
import type { FieldError } from './schema.ts';

export const REFUSALS = {
  'report.tooLarge': 'Your report is too long to send. Make it shorter and send it again',
  'report.rateLimited': {
    one: 'You have sent several reports in the last hour. Your answers are still here: try again in {count} minute, or call {police}',
    other: 'You have sent several reports in the last hour. Your answers are still here: try again in {count} minutes, or call {police}',
  },
  'report.unavailable': 'Your report could not be saved, so it has not been sent. Your answers are still here: try again in a few minutes, or call {police}. (Fault code {fault})',
  'report.alreadySent': 'You already sent this form: it is report {reference}. The changes you made since were not sent. Check your answers and send the form again to send them as a new report.',
  'followUp.tooLarge': 'What you want to add is too long to send. Make it shorter and send it again',
  'followUp.rateLimited': {
    one: 'There have been several tries to add to a report from this connection in the last hour. What you typed is still here: try again in {count} minute, or call {police}',
    other: 'There have been several tries to add to a report from this connection in the last hour. What you typed is still here: try again in {count} minutes, or call {police}',
  },
  'followUp.unavailable': 'What you added could not be saved, so it has not been sent. What you typed is still here: try again in a few minutes, or call {police}. (Fault code {fault})',
  'followUp.alreadySent': 'You already sent this form: it is addition {addition} to report {reference}. The changes you made since were not sent. Check your words and send the form again to add them too.',
  'followUp.notMatched': 'We could not find a report with that reference and follow-up code. Check both and try again. Reports can be added to only until a short time after the safeguarding team has them: if that has passed, call {police} and give your reference',
} as const satisfies Record<string, Message>;
export type RefusalCode = keyof typeof REFUSALS;

// The router also answers the Node listener directly, outside the site's bundle, so it cannot read
// the partnership's numbers: its English names the national police non-emergency number, and the
// pages fill in the partnership's own ({police} from content/partnership.yaml).
const NON_EMERGENCY = '101';

/** A refusal of the whole post, shown at `field`: its code and values, and its English words. */
export function refusal(field: string, code: RefusalCode, params: Params = {}): FieldError {
  return { field, message: formatMessage(REFUSALS[code], { police: NON_EMERGENCY, ...params }, 'en-GB'), refusal: code, params };
}
