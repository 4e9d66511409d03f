/** The home page's query string: ?q= (text), ?linh-vuc= (field code), ?don-vi= (unit id). */
export function homeUrl(params: { q?: string | null; field?: string | null; unit?: string | null }): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.field) search.set('linh-vuc', params.field);
  if (params.unit) search.set('don-vi', params.unit);
  const qs = search.toString();
  return qs ? `/?${qs}` : '/';
}
