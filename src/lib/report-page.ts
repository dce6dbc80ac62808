// What a report page does before it renders: hand the request to the report router and take its
// status and headers. The router does the work (origin check, token, checks, storing); the page
// only shows the FormView it returns, through these two lookups.
import { reportRouter } from '#report-runtime';
import type { Params } from '../i18n/format.ts';
import type { Receipt } from '../report/receipt.ts';
import type { FormView } from '../report/router.ts';
import { FIELD_LIMITS, type FieldError } from '../report/schema.ts';

/** The parts of Astro's page context this needs. */
interface PageContext {
  request: Request;
  clientAddress: string;
  response: { status?: number; headers: Headers };
}

export interface FormPage extends FormView {
  /** The problem with a field, if any. */
  errorFor(field: string): string | undefined;
  /** What was typed in a text field, to show again. */
  text(field: string): string | undefined;
}

/** A Response to return as it is (a refusal), or the form's state to render. */
export async function formPage(astro: PageContext): Promise<Response | FormPage> {
  const answer = await reportRouter().handle(astro.request, astro.clientAddress);
  if (answer instanceof Response) return answer;
  astro.response.status = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) astro.response.headers.set(name, value);
  return {
    ...answer,
    errorFor: (field) => answer.errors.find((e) => e.field === field)?.message,
    text: (field) => (typeof answer.values[field] === 'string' ? (answer.values[field] as string) : undefined),
  };
}

/**
 * A problem or a refusal in the page's language, from its code and values (the router's English is
 * for the JSON API). `form` is the form's words in the catalogue: "report" or "followUp".
 */
export function sayError(e: FieldError, t: (key: string, params?: Params) => string, form: 'report' | 'followUp'): string {
  if (e.refusal) return t(`refusal.${e.refusal}`, e.params);
  if (e.code) return t(`${form}.error.${e.code}`, { max: FIELD_LIMITS[e.code.split('.')[0]!] ?? 0 });
  return e.message;
}

/** The confirmation page's receipt, or null when it is missing, altered or expired (the status says which). */
export async function receiptPage(astro: PageContext): Promise<Receipt | null> {
  const view = await reportRouter().receipt(astro.request);
  astro.response.status = view.status;
  for (const [name, value] of Object.entries(view.headers)) astro.response.headers.set(name, value);
  return view.receipt;
}
