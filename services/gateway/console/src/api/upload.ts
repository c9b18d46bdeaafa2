import type { IntakeHttp } from '@vetting/contracts/http';
import { api, ApiError, currentToken, apiUrl, toApiError } from './client';

/** An upload's progress and report as intake answers it (contracts/openapi/intake.yaml Upload). */
export type UploadState = IntakeHttp['Upload'];

/**
 * Intake derives an upload's id from the caller and the Idempotency-Key
 * (`u-` + the first 24 hex digits of SHA-256 of `<user>:upload:<key>`), so the console can follow
 * the rows being checked while the file is still being sent.
 */
export async function uploadIdFor(username: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${username}:upload:${key}`));
  return `u-${[...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 24)}`;
}

export const isFinished = (u: UploadState) => u.state === 'completed' || u.state === 'rejected' || u.state === 'failed';

/** Sends the file with XMLHttpRequest (fetch reports no upload progress) and reports the bytes sent. */
export function sendUpload(
  file: File,
  query: Record<string, string>,
  key: string,
  onSent: (fraction: number) => void,
): Promise<UploadState> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/intake/uploads', query));
    xhr.setRequestHeader('authorization', `Bearer ${currentToken()}`);
    xhr.setRequestHeader('idempotency-key', key);
    xhr.setRequestHeader('content-type', /\.json$/i.test(file.name) || file.type === 'application/json' ? 'application/json' : 'text/csv');
    xhr.upload.onprogress = (e) => e.lengthComputable && onSent(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onload = async () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (xhr.status >= 400) reject(await toApiError(response));
      else resolve((await response.json()) as UploadState);
    };
    xhr.send(file);
  });
}

export async function readUpload(id: string): Promise<UploadState | null> {
  try {
    return await api<UploadState>(`/intake/uploads/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
