import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createKeySigner,
  keyIdOf,
  loadFileSigner,
  PRIVATE_KEY_FILE,
  signDocument,
  trustedKeys,
  trustedKeysFromText,
  verifySignedDocument,
} from './index';

const FORMAT = 'vetting-test/1';
const signerOf = () => createKeySigner(generateKeyPairSync('ed25519').privateKey);
const content = { lists: [{ listId: 'un-sea', version: 3 }], createdAt: '2026-01-01T00:00:00Z', note: 'é' };

describe('signed documents', () => {
  it("when a document is signed, then it verifies with the signer's public key, whatever the key order of its content", async () => {
    const signer = signerOf();
    const doc = await signDocument(FORMAT, content, signer, new Date('2026-01-02T00:00:00Z'));
    const reordered = { ...doc, content: { note: 'é', createdAt: content.createdAt, lists: content.lists } };
    expect(
      verifySignedDocument(JSON.parse(JSON.stringify(reordered)), { format: FORMAT, trusted: trustedKeys([signer.publicKeyPem]) }),
    ).toEqual({ ok: true, keyId: signer.keyId, contentHash: doc.contentHash, signedAt: '2026-01-02T00:00:00.000Z' });
  });

  it('when one value of the content is changed, then it is refused as altered', async () => {
    const signer = signerOf();
    const doc = await signDocument(FORMAT, content, signer);
    const tampered = { ...doc, content: { ...content, lists: [{ listId: 'un-sea', version: 2 }] } };
    expect(verifySignedDocument(tampered, { format: FORMAT, trusted: trustedKeys([signer.publicKeyPem]) })).toMatchObject({
      ok: false,
      problem: 'content-altered',
    });
  });

  it('when the content and its hash are both changed, then the signature fails', async () => {
    const signer = signerOf();
    const doc = await signDocument(FORMAT, content, signer);
    const forged = { ...(await signDocument(FORMAT, { ...content, lists: [] }, signerOf())), signature: doc.signature };
    expect(verifySignedDocument(forged, { format: FORMAT, trusted: trustedKeys([signer.publicKeyPem]) })).toMatchObject({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('when a document is signed with another key, then it is refused even if it names a trusted key id', async () => {
    const trusted = signerOf();
    const other = signerOf();
    const doc = await signDocument(FORMAT, content, other);
    expect(verifySignedDocument(doc, { format: FORMAT, trusted: trustedKeys([trusted.publicKeyPem]) })).toMatchObject({
      ok: false,
      problem: 'unknown-key',
      keyId: other.keyId,
    });
    const claimed = { ...doc, signature: { ...doc.signature, keyId: trusted.keyId } };
    expect(verifySignedDocument(claimed, { format: FORMAT, trusted: trustedKeys([trusted.publicKeyPem]) })).toMatchObject({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('when a document of another kind or a non-canonical signature is given, then it is refused', async () => {
    const signer = signerOf();
    const doc = await signDocument(FORMAT, content, signer);
    const trusted = trustedKeys([signer.publicKeyPem]);
    expect(verifySignedDocument({ ...doc, format: 'vetting-other/1' }, { format: FORMAT, trusted })).toMatchObject({
      problem: 'wrong-format',
    });
    expect(verifySignedDocument(doc, { format: 'vetting-other/1', trusted })).toMatchObject({ problem: 'wrong-format' });
    const last = doc.signature.value.at(-3)!;
    const bent = `${doc.signature.value.slice(0, -3)}${last === 'A' ? 'B' : 'A'}==`;
    expect(verifySignedDocument({ ...doc, signature: { ...doc.signature, value: bent } }, { format: FORMAT, trusted })).toMatchObject({
      problem: 'bad-signature',
    });
    expect(verifySignedDocument({ hello: 1 }, { format: FORMAT, trusted })).toMatchObject({ problem: 'malformed' });
  });

  it('when the signing time is moved, then the signature fails (the time is signed)', async () => {
    const signer = signerOf();
    const doc = await signDocument(FORMAT, content, signer, new Date('2026-01-01T00:00:00Z'));
    const moved = { ...doc, signature: { ...doc.signature, signedAt: '2026-06-01T00:00:00.000Z' } };
    expect(verifySignedDocument(moved, { format: FORMAT, trusted: trustedKeys([signer.publicKeyPem]) })).toMatchObject({
      problem: 'bad-signature',
    });
  });
});

describe('keys', () => {
  it("when a key set names a key by another key's id, then it is refused", () => {
    const a = signerOf();
    const b = signerOf();
    expect(() => trustedKeys([{ keyId: a.keyId, publicKey: b.publicKeyPem }])).toThrow(/does not match/);
    expect(trustedKeysFromText(JSON.stringify({ keys: [{ keyId: a.keyId, publicKey: a.publicKeyPem }] })).byId.has(a.keyId)).toBe(true);
    expect(trustedKeysFromText(`${a.publicKeyPem}\n${b.publicKeyPem}`).byId.size).toBe(2);
  });

  it('when a non-Ed25519 key is offered, then it is refused', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => trustedKeys([rsa])).toThrow(/Ed25519/);
  });

  it('when the key directory is empty, then a signer is created only if asked, and the same key is loaded again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-'));
    await expect(loadFileSigner(dir)).rejects.toThrow(/PLATFORM_SIGNING_KEY_DIR/);
    const first = await loadFileSigner(dir, { create: true });
    const again = await loadFileSigner(dir, { create: true });
    expect(again.signer.keyId).toBe(first.signer.keyId);
    expect(first.published).toEqual([{ keyId: first.signer.keyId, publicKey: first.signer.publicKeyPem }]);
    expect(readFileSync(join(dir, PRIVATE_KEY_FILE), 'utf8')).toMatch(/PRIVATE KEY/);
    const retired = signerOf();
    writeFileSync(
      join(dir, 'retired-keys.json'),
      JSON.stringify({ keys: [{ keyId: retired.keyId, publicKey: retired.publicKeyPem, retiredAt: '2026-01-01T00:00:00Z' }] }),
    );
    expect((await loadFileSigner(dir)).published.map((k) => k.keyId)).toEqual([first.signer.keyId, retired.keyId]);
    expect(keyIdOf(trustedKeys([first.signer.publicKeyPem]).byId.get(first.signer.keyId)!)).toBe(first.signer.keyId);
  });
});
