// The numbers an Easy Read point may name: the partnership's lines and each service's first phone
// line, by the service's file name. Each has one home, with its source and checked date.
import { getCollection } from 'astro:content';
import partnership from 'virtual:see-the-signs/partnership';

export async function easyReadNumbers(): Promise<Record<string, string>> {
  const services = await getCollection('services');
  return {
    ...Object.fromEntries(services.flatMap((s) => {
      const phone = s.data.channels.find((c) => c.type === 'phone');
      return phone ? [[s.id, phone.value]] : [];
    })),
    ...Object.fromEntries(partnership.contacts.map((c) => [c.key, c.number])),
  };
}
