import type { AuditBundle, BundleVerification } from '@vetting/signing';
import type { AuditEntry } from './hash-chain';
import { describeEntry } from './trail-story';

const COLUMNS = ['seq', 'time', 'type', 'subject', 'country', 'actor', 'what', 'outcome', 'reasons', 'eventId', 'hash'] as const;

function rowsOf(bundle: AuditBundle): Record<(typeof COLUMNS)[number], string>[] {
  return bundle.entries
    .filter((e): e is AuditEntry & Record<string, unknown> => !('elided' in e))
    .map((entry) => {
      const step = describeEntry(entry);
      return {
        seq: String(entry.seq),
        time: entry.time,
        type: entry.type,
        subject: entry.subject,
        country: typeof entry.data.country === 'string' ? entry.data.country : (entry.tenant ?? ''),
        actor: entry.actor ?? '',
        what: step.what,
        outcome: step.outcome ?? '',
        reasons: (step.reasons ?? []).join('; '),
        eventId: entry.eventId,
        hash: entry.hash,
      };
    });
}

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula;
 * such cells get a leading apostrophe so a crafted reason cannot run in the auditor's spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The latest published checkpoint at export time, as a reader holds the audit database against it later. */
export const publishedLine = (bundle: AuditBundle) => {
  const p = bundle.publishedCheckpoint;
  return p
    ? `Latest published checkpoint of chain ${p.chainId}: entry ${p.seq}, hash ${p.hash}, ${p.time}, key ${p.keyId}, signature ${p.signature}`
    : 'No published checkpoint yet';
};

export function bundleCsv(bundle: AuditBundle): string {
  // The header row stays first for spreadsheets; the published checkpoint closes the file.
  const lines = [
    COLUMNS.join(','),
    ...rowsOf(bundle).map((row) => COLUMNS.map((c) => csvCell(row[c])).join(',')),
    csvCell(`# ${publishedLine(bundle)}`),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained page (no scripts, no external resources) for auditors to read and print. */
export function bundleHtml(bundle: AuditBundle, verification: BundleVerification): string {
  const scope = Object.entries(bundle.scope)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const status = verification.ok
    ? `Verified: ${verification.included} entries, chain segment ${bundle.segment.fromSeq}–${bundle.segment.toSeq}, signed checkpoint ${verification.anchoredBy?.seq} (${verification.anchoredBy?.time}, key ${verification.anchoredBy?.keyId}).`
    : `NOT VERIFIED: ${verification.problems.map((p) => `${p.seq ?? ''} ${p.problem}`).join('; ')}`;
  const rows = rowsOf(bundle)
    .map(
      (r) =>
        `<tr>${COLUMNS.map((c) => `<td${c === 'hash' || c === 'eventId' ? ' class="mono"' : ''}>${escapeHtml(r[c])}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit trail: ${escapeHtml(scope)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}.mono{font-family:monospace;font-size:11px;word-break:break-all}.ok{color:#05620b}.bad{color:#a00000;font-weight:bold}</style>
</head><body>
<h1>Audit trail: ${escapeHtml(scope)}</h1>
<p>Chain <code>${escapeHtml(bundle.chainId)}</code>, exported ${escapeHtml(bundle.createdAt)}.</p>
<p class="${verification.ok ? 'ok' : 'bad'}">${escapeHtml(status)}</p>
<p class="mono">${escapeHtml(publishedLine(bundle))}</p>
<p>Personal data is referenced by pseudonymous ids only. Check the JSON bundle offline with <code>verify-bundle</code>.</p>
<table><thead><tr>${COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}
