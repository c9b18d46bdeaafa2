import { conflict, notFound, unavailable } from '@vetting/platform';
import { verifyBundle, type AuditBundle, type BundleVerification } from '@vetting/signing';
import { createBundleBuilder } from '../domain/bundle';
import { checkpointSignatureValid, type Checkpoint } from '../domain/checkpoint';
import { createChainVerifier } from '../domain/chain-verifier';
import { GENESIS_HASH, type AuditEntry } from '../domain/hash-chain';
import type { AuditEntryRepository } from '../data/audit-entry.repository';
import type { CheckpointStore, SigningKeys } from '../data/checkpoint.store';
import type { PublishedCheckpoints } from '../data/published-checkpoints';

export type ExportScope = { candidateId: string } | { rotation: string; mission?: string } | { from: string; to: string };

export interface ExportDeps {
  repository: AuditEntryRepository;
  checkpoints: CheckpointStore;
  published: Pick<PublishedCheckpoints, 'readAll'>;
  checkpointNow: () => Promise<unknown>;
  keys: SigningKeys;
  chainId: string;
  now: () => Date;
}

interface Selection {
  select: (entry: AuditEntry) => boolean;
  startSeq: number;
  lastSeq?: number;
  scope: Record<string, string>;
}

async function selectionOf(repository: AuditEntryRepository, scope: ExportScope): Promise<Selection> {
  if ('from' in scope) {
    const [from, to] = [Date.parse(scope.from), Date.parse(scope.to)];
    return {
      select: (e) => Date.parse(e.time) >= from && Date.parse(e.time) < to,
      startSeq: 1,
      scope: { kind: 'period', from: scope.from, to: scope.to },
    };
  }
  const people = 'candidateId' in scope ? [scope.candidateId] : await repository.candidatesOfRotation(scope.rotation, scope.mission);
  const seqs = new Set<number>();
  for (const id of people) for (const entry of await repository.aboutSubject(id)) seqs.add(entry.seq);
  if (seqs.size === 0) throw notFound('AUDIT.NOTHING_TO_EXPORT', 'No audit entries for this scope');
  const header: Record<string, string> =
    'candidateId' in scope
      ? { kind: 'candidate', candidateId: scope.candidateId }
      : { kind: 'rotation', rotation: scope.rotation, ...(scope.mission ? { mission: scope.mission } : {}) };
  return { select: (e) => seqs.has(e.seq), startSeq: Math.min(...seqs), lastSeq: Math.max(...seqs), scope: header };
}

/**
 * Builds the export bundle of a candidate, a rotation or a period: the chain segment from the first
 * selected entry to a fresh signed checkpoint (others' entries reduced to their content hash), the
 * checkpoints inside it, the latest checkpoint on the published topic (so a reader can hold the
 * audit's database against it later) and the public key, signed as a whole. The chain is verified
 * while it is read; a broken chain is not exported (409 naming the first broken entry).
 */
export async function exportBundle(
  deps: ExportDeps,
  scope: ExportScope,
): Promise<{ bundle: AuditBundle; verification: BundleVerification }> {
  const selection = await selectionOf(deps.repository, scope);
  await deps.checkpointNow();
  const signed = (await deps.checkpoints.readAll())
    .map((line) => line.checkpoint)
    .filter((c): c is Checkpoint => !!c && c.chainId === deps.chainId && checkpointSignatureValid(c, deps.keys.publicKey));
  const anchor = signed.reduce<Checkpoint | undefined>((best, c) => (!best || c.seq > best.seq ? c : best), undefined);
  if (!anchor || anchor.seq < (selection.lastSeq ?? 1))
    throw unavailable('AUDIT.NO_CHECKPOINT', 'No signed checkpoint covers these entries yet; try again shortly');
  const before = selection.startSeq > 1 ? await deps.repository.get(selection.startSeq - 1) : undefined;
  const verifier = createChainVerifier(
    { seq: selection.startSeq, prevHash: before?.hash ?? GENESIS_HASH },
    new Map(signed.map((c) => [c.seq, c.hash])),
  );
  const builder = createBundleBuilder(selection.select);
  for await (const entry of deps.repository.range(selection.startSeq, anchor.seq)) {
    if (!verifier.check(entry)) break;
    builder.add(entry);
  }
  const chain = verifier.finish(anchor.seq);
  if (!chain.ok)
    throw conflict('AUDIT.CHAIN_BROKEN', `The chain is broken at entry ${chain.firstBroken?.seq}; it cannot be exported as verified`, {
      firstBroken: chain.firstBroken,
    });
  if (builder.empty) throw notFound('AUDIT.NOTHING_TO_EXPORT', 'No audit entries for this scope');
  const published = (await deps.published.readAll())
    .filter((c) => c.chainId === deps.chainId && checkpointSignatureValid(c, deps.keys.publicKey))
    .reduce<Checkpoint | undefined>((best, c) => (!best || c.seq > best.seq ? c : best), undefined);
  const bundle = await builder.build(
    { chainId: deps.chainId, scope: selection.scope, createdAt: deps.now().toISOString() },
    signed,
    deps.keys.signer,
    published,
  );
  return { bundle, verification: verifyBundle(bundle) };
}
