// Resolves a sector's report routes to the numbers people dial, from the one place each number is
// kept (content/partnership.yaml or the service's own file), so a briefing can never print a number
// that differs from the rest of the site.
import { getEntry } from 'astro:content';
import partnership from 'virtual:see-the-signs/partnership';
import { describeHours } from './opening-hours.ts';
import { contactFor } from '../schemas/partnership.ts';
import type { ReportRoute } from '../schemas/sector.ts';

export interface ResolvedRoute {
  /** Who answers: "Police, when it is not an emergency", "Crimestoppers". */
  name: string;
  /** When to use it, from the sector's file. */
  when: string;
  /** "call" or "text": what the reader does with the number. */
  action: 'call' | 'text';
  /** The number as dialled. */
  number: string;
  /** When it is answered, in words. */
  hours: string;
  /** True for the demo partnership's invented numbers. */
  demo: boolean;
}

/** The routes in order; an unknown key or a service without that channel names the sector's file. */
export async function resolveRoutes(routes: readonly ReportRoute[], file: string): Promise<ResolvedRoute[]> {
  return Promise.all(routes.map(async (route): Promise<ResolvedRoute> => {
    if ('contact' in route) {
      const c = contactFor(partnership, route.contact);
      // The hours are written to read inside a sentence ("evenings, weekends and bank holidays");
      // here they are a line of their own.
      return { name: c.label, when: route.when, action: 'call', number: c.number, hours: c.hours.charAt(0).toLocaleUpperCase('en-GB') + c.hours.slice(1), demo: c.demo };
    }
    const entry = await getEntry('services', route.service);
    if (!entry) throw new Error(`${file}: report: service "${route.service}" is not a file in content/services/`);
    const line = entry.data.channels.find((c) => c.type === route.channel);
    if (!line || (line.type !== 'phone' && line.type !== 'text')) {
      throw new Error(`${file}: report: content/services/${route.service}.md has no ${route.channel} number`);
    }
    return {
      name: entry.data.name,
      when: route.when,
      action: route.channel === 'text' ? 'text' : 'call',
      number: line.value,
      hours: describeHours(line.hours),
      demo: entry.data.demo,
    };
  }));
}
