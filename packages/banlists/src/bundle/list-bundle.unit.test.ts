import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeySigner, signDocument, trustedKeys } from '@vetting/signing';
import type { BanListEntry } from '../ban-list-entry';
import { bundledList, createBundleScreener, LIST_BUNDLE_FORMAT, openListBundle, type ListBundleContent } from '../index';

const entry = (id: string, full: string, extra: Partial<BanListEntry> = {}): BanListEntry => ({
  id,
  names: [{ full, kind: 'primary' }],
  datesOfBirth: ['1975-03-14'],
  placesOfBirth: ['Somewhere'],
  nationalities: ['XX'],
  documents: [],
  serviceNumbers: [],
  category: 'sea',
  status: 'barred',
  sourceReference: 'CASE-0001',
  remarks: 'substantiated allegation details',
  ...extra,
});
const DAY = 86_400_000;
const created = new Date('2026-03-01T08:00:00Z');

function content(overrides: Partial<ListBundleContent> = {}): ListBundleContent {
  return {
    bundleId: 'b-1',
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + 14 * DAY).toISOString(),
    issuedTo: { actor: 'gh-office', country: 'GH' },
    thresholds: { upper: 0.5, lower: 0.35 },
    lists: [
      bundledList(
        {
          listId: 'un-sea',
          name: 'UN SEA',
          version: 3,
          contentHash: 'sha256:ab',
          provenance: { importedAt: '2026-02-01T00:00:00Z', format: 'platform-json', fileHash: 'sha256:cd' },
        },
        [entry('E1', 'Jean-Baptiste MUKENDI', { serviceNumbers: ['FAR-12345'] }), entry('E2', 'Ahmed Salim KHALIL')],
      ),
    ],
    ...overrides,
  };
}
const signer = createKeySigner(generateKeyPairSync('ed25519').privateKey);
const trusted = trustedKeys([signer.publicKeyPem]);
const open = (doc: unknown, now = new Date(created.getTime() + DAY), maxAgeMs = 7 * DAY) => openListBundle(doc, { trusted, maxAgeMs, now });

describe('offline list bundle', () => {
  it('when bundled, then entries keep only what matching reads: never why a person is listed', () => {
    const text = JSON.stringify(content());
    expect(text).not.toMatch(/substantiated|CASE-0001|Somewhere|"sea"|barred/);
    expect(content().lists[0]).toMatchObject({
      entryCount: 2,
      entries: [expect.objectContaining({ id: 'E1', serviceNumbers: ['FAR-12345'] }), expect.anything()],
    });
  });

  it("when a fresh, signed bundle is opened, then it screens offline with the platform's outcome rule", async () => {
    const opened = open(await signDocument(LIST_BUNDLE_FORMAT, content(), signer, created));
    expect(opened).toMatchObject({ ok: true, keyId: signer.keyId, ageMs: DAY });
    if (!opened.ok) return;
    const screener = createBundleScreener(opened.bundle);
    expect(screener.screen({ names: ['Jean Baptiste Mukendi'], dateOfBirth: '1975-03-14' })).toMatchObject({
      outcome: 'possible-match',
      hits: [expect.objectContaining({ listId: 'un-sea', entryId: 'E1', band: 'possible-match' })],
    });
    expect(screener.screen({ names: ['Someone Else'], serviceNumbers: ['FAR-12345'] })).toMatchObject({
      outcome: 'match',
      hits: [expect.objectContaining({ entryId: 'E1', band: 'match' })],
    });
    expect(screener.screen({ names: ['Ama Serwaa Boateng'], dateOfBirth: '1994-02' })).toEqual({ outcome: 'clear', hits: [] });
    expect(screener.versions).toEqual([{ listId: 'un-sea', version: 3, contentHash: 'sha256:ab' }]);
  });

  it('when one entry of a signed bundle is removed, then the bundle is refused as altered and nothing can screen with it', async () => {
    const doc = await signDocument(LIST_BUNDLE_FORMAT, content(), signer, created);
    const tampered = structuredClone(doc);
    tampered.content.lists[0]!.entries = tampered.content.lists[0]!.entries.filter((e) => e.id !== 'E1');
    expect(open(tampered)).toEqual({ ok: false, problem: 'content-altered', reason: expect.stringMatching(/altered/) });
    expect('bundle' in open(tampered)).toBe(false);
  });

  it('when a bundle is signed with another key, then it is refused', async () => {
    const stranger = createKeySigner(generateKeyPairSync('ed25519').privateKey);
    expect(open(await signDocument(LIST_BUNDLE_FORMAT, content(), stranger, created))).toMatchObject({ ok: false, problem: 'unknown-key' });
  });

  it('when a bundle is past its expiry, older than the verifier allows, or made in the future, then it is refused', async () => {
    const doc = await signDocument(LIST_BUNDLE_FORMAT, content(), signer, created);
    expect(open(doc, new Date(created.getTime() + 15 * DAY), 30 * DAY)).toMatchObject({ ok: false, problem: 'expired' });
    expect(open(doc, new Date(created.getTime() + 3 * DAY), 2 * DAY)).toMatchObject({ ok: false, problem: 'too-old' });
    expect(open(doc, new Date(created.getTime() - DAY))).toMatchObject({ ok: false, problem: 'not-yet-valid' });
    const moved = { ...doc, content: { ...doc.content, expiresAt: new Date(created.getTime() + 365 * DAY).toISOString() } };
    expect(open(moved, new Date(created.getTime() + 15 * DAY), 30 * DAY)).toMatchObject({ ok: false, problem: 'content-altered' });
  });

  it('when a certificate or another signed document is offered as a bundle, then it is refused', async () => {
    expect(open(await signDocument('vetting-rotation-certificate/1', content(), signer, created))).toMatchObject({
      ok: false,
      problem: 'wrong-format',
    });
  });
});
