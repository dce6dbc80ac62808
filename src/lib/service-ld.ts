// schema.org structured data for a service page, so search engines can show its numbers and hours.
import type { Service } from '../schemas/service.ts';
import { DAY_NAMES } from './opening-hours.ts';


export function serviceJsonLd(service: Service, url: string): Record<string, unknown> {
  const phones = service.channels.filter((c) => c.type === 'phone');
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    name: service.name,
    description: service.description,
    url,
    areaServed: service.area === 'national' ? { '@type': 'Country', name: 'United Kingdom' } : service.area.map((name) => ({ '@type': 'Place', name })),
    provider: { '@type': 'Organization', name: service.organisation },
    isAccessibleForFree: /^free/i.test(service.cost),
    availableChannel: phones.map((p) => ({
      '@type': 'ServiceChannel',
      servicePhone: {
        '@type': 'ContactPoint',
        telephone: p.value,
        hoursAvailable: p.hours.alwaysOpen
          ? [{ '@type': 'OpeningHoursSpecification', dayOfWeek: Object.values(DAY_NAMES), opens: '00:00', closes: '23:59' }]
          : p.hours.weekly.map((slot) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: slot.days.map((d) => DAY_NAMES[d]), opens: slot.opens, closes: slot.closes === '24:00' ? '23:59' : slot.closes })),
      },
    })),
  };
}
