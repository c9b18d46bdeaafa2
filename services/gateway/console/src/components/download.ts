import { api } from '../api/client';

/** Hands a file to the browser's download (an object URL clicked by a detached link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every system: letters, digits, dots, dashes and underscores. */
export const fileName = (name: string) => name.replace(/[^\w.-]+/g, '_');

/**
 * Downloads what an endpoint answers (CSV, JSON, HTML) with the session's token: a plain link could
 * not carry it, and a token must never travel in a URL.
 */
export async function download(path: string, name: string, query?: Record<string, string | undefined>): Promise<void> {
  const res = await api<Response>(path, { query, raw: true, headers: { accept: '*/*' } });
  saveBlob(await res.blob(), fileName(name));
}
