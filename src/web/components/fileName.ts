/**
 * A stored file's name as its download gives it: the API's Content-Disposition carries the
 * uploaded name (RFC 6266 `filename*=UTF-8''…`, or the ASCII `filename`). A HEAD request reads it
 * without fetching the file, so lists can show "Giấy khai sinh.pdf" rather than "Tệp 1".
 */
import { useEffect, useState } from 'react';

export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/** The name of file `id` (null until known, or when the server gives none). */
export function useFileName(href: string): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch(href, { method: 'HEAD', credentials: 'same-origin' })
      .then((r) => (r.ok ? fileNameFromDisposition(r.headers.get('content-disposition')) : null))
      .then((n) => live && setName(n))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [href]);
  return name;
}
