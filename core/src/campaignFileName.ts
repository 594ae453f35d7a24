// The file name a pulled campaign gets, shared by the CLI and the editor so both pull a
// campaign into the same `<name-as-slug>.campaign.yaml`.

/** Lower-case words joined by dashes: `Billing Reminder (Q2)` -> `billing-reminder-q2`. */
export function slugFor(name: string | undefined, fallback: string): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
