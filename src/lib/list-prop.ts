/**
 * A list a component takes from content, written there as one plain string: `ids="childline, fearless"`.
 * The content editor reads and writes a plain string exactly as it is; `ids={["…"]}` it would rewrite.
 * Components still accept a real list from other components.
 */
export function listProp(value: string | readonly string[]): string[] {
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [...value];
}
