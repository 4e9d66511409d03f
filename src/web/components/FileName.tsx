import { useFileName } from './fileName.js';

/** A stored file's uploaded name, or `fallback` ("Tệp 1") while it is unknown. */
export function FileName({ href, fallback }: { href: string; fallback: string }) {
  return <>{useFileName(href) ?? fallback}</>;
}
