// The directory in the Open Referral UK shape (the UK profile of HSDS 3.0), so other directories
// can take the data. Identifiers are UUIDs derived from each file's name, so they are stable from
// build to build. BUILD-TIME ONLY (node:crypto).
import { createHash } from 'node:crypto';
import type { Service } from '../schemas/service.ts';
import { describeHours } from './opening-hours.ts';
import { toCsv } from './csv.ts';

/** A name-based UUID (version 5 layout, SHA-1) in this site's own namespace. */
export function stableUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(`see-the-signs:${parts.join(':')}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const BYDAY = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' } as const;

export function toOrukService(id: string, s: Service, siteUrl: string): Record<string, unknown> {
  const serviceId = stableUuid('service', id);
  const organizationId = stableUuid('organization', s.organisation);
  const website = s.channels.find((c) => c.type === 'website')?.value;
  const email = s.channels.find((c) => c.type === 'email')?.value;
  const schedules = s.channels.flatMap((c, ci) => {
    if (!c.hours) return [];
    const hours = c.hours;
    const label = `${c.type === 'text' ? 'Text' : c.type === 'phone' ? 'Phone' : c.type} ${c.value}: ${describeHours(hours)}`;
    if (hours.alwaysOpen) return [{ id: stableUuid('schedule', id, String(ci)), service_id: serviceId, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00:00', closes_at: '23:59:59', description: label }];
    return hours.weekly.map((slot, si) => ({
      id: stableUuid('schedule', id, String(ci), String(si)),
      service_id: serviceId,
      freq: 'WEEKLY',
      byday: slot.days.map((d) => BYDAY[d]).join(','),
      opens_at: `${slot.opens}:00`,
      closes_at: slot.closes === '24:00' ? '23:59:59' : `${slot.closes}:00`,
      description: label,
      notes: hours.bankHolidays === 'closed' ? 'Closed on bank holidays in England and Wales.' : undefined,
    }));
  });
  return {
    id: serviceId,
    organization_id: organizationId,
    name: s.name,
    description: s.description,
    url: website ?? new URL(`/help/${id}/`, siteUrl).href,
    email,
    status: 'active',
    fees: s.cost,
    assured_date: s.checked.toISOString().slice(0, 10),
    schedules,
    service_areas: (s.area === 'national' ? ['United Kingdom'] : s.area).map((name) => ({ id: stableUuid('area', id, name), service_id: serviceId, name, service_area: name })),
    // HSDS 3.0 phones; the UK profile's compiled schema does not forbid them.
    phones: s.channels
      .filter((c) => c.type === 'phone' || c.type === 'text')
      .map((c, i) => ({ id: stableUuid('phone', id, String(i)), service_id: serviceId, number: c.value, type: c.type === 'text' ? 'text' : 'voice', description: c.note })),
    languages: s.languages.map((name) => ({ id: stableUuid('language', id, name), service_id: serviceId, name })),
    organization: { id: organizationId, name: s.organisation, description: `${s.organisation} runs ${s.name}.` },
    attributes: [...s.audiences.map((a) => ['audience', a]), ...s.needs.map((n) => ['need', n])].map(([taxonomy, term]) => ({
      id: stableUuid('attribute', id, taxonomy!, term!),
      link_type: 'service',
      taxonomy_term: { id: stableUuid('term', taxonomy!, term!), name: term, description: `${taxonomy}: ${term}`, taxonomy: `see-the-signs-${taxonomy}`, term },
    })),
  };
}

/** Indented, for people reading the export. Fields left undefined are left out, as JSON does. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** One row per service, for the team that keeps the list. */
export function servicesCsv(services: { id: string; data: Service }[]): string {
  const rows = [['id', 'name', 'organisation', 'audiences', 'needs', 'phone', 'text', 'website', 'hours', 'area', 'anonymous', 'sharing', 'demo', 'source', 'checked', 'checkedAgainst', 'unconfirmed']];
  for (const { id, data: s } of services) {
    const phone = s.channels.find((c) => c.type === 'phone');
    const text = s.channels.find((c) => c.type === 'text');
    rows.push([id, s.name, s.organisation, s.audiences.join(' '), s.needs.join(' '), phone?.value ?? '', text?.value ?? '', s.channels.find((c) => c.type === 'website')?.value ?? '',
      phone?.hours ? describeHours(phone.hours) : '', s.area === 'national' ? 'national' : s.area.join('; '), String(s.privacy.anonymous), s.privacy.sharing, String(s.demo), s.source, s.checked.toISOString().slice(0, 10), s.checkedAgainst, s.unconfirmed ?? '']);
  }
  return toCsv(rows);
}
