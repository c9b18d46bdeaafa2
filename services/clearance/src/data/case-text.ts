import { isErased, openPersonalBlock, sealPersonalBlock, type EventEnvelope, type PersonalSealer, type SealedPersonal } from '@vetting/platform';

/**
 * Free text people write about a candidate (adjudicators' reasons, override and countersignature
 * reasons, rejections, the candidate's response, acknowledgement notes, the office's withdrawal
 * reason) is stored sealed under the person's key from intake, as a token in place of the text:
 * erasing the person makes every copy unreadable, in every revision. Generated text (an automatic
 * decision's reasons) stays in clear, so a case without written text never needs the key.
 */
const TOKEN = 'sealed:v1:';
const CONTEXT = 'clearance-text';
const FREE_TEXT = new Set(['reasons', 'overrideReason', 'countersignatureReason', 'rejectionReason', 'summary', 'note', 'reason']);
/** What a text reads as once the person is erased. */
export const ERASED_TEXT = '(erased)';

export const isToken = (v: unknown): v is string => typeof v === 'string' && v.startsWith(TOKEN);

/** Maps every free-text value (string, or each string of an array) of a case, its decisions, proposals, flags and inputs. */
function mapTexts<T>(node: T, fn: (text: string) => string): T {
  if (Array.isArray(node)) return node.map((n) => mapTexts(n, fn)) as T;
  if (!node || typeof node !== 'object') return node;
  const automatic = (node as { kind?: unknown }).kind === 'automatic';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (!FREE_TEXT.has(k) || (automatic && k === 'reasons')) out[k] = mapTexts(v, fn);
    else if (typeof v === 'string') out[k] = fn(v);
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? fn(x) : mapTexts(x, fn)));
    else out[k] = mapTexts(v, fn);
  }
  return out as T;
}

/** Whether anything in `node` is written text not sealed yet (then the person's key is needed). */
export function hasPlainText(node: unknown): boolean {
  let plain = false;
  mapTexts(node, (t) => ((plain ||= t !== '' && !isToken(t) && t !== ERASED_TEXT), t));
  return plain;
}

/** Seals every written text not sealed yet with the person's key (`undefined`: erased, the text is dropped). */
export function sealTexts<T>(node: T, personId: string, key: Buffer | undefined): T {
  return mapTexts(node, (t) => {
    if (t === '' || isToken(t) || t === ERASED_TEXT) return t;
    if (!key) return ERASED_TEXT;
    return TOKEN + Buffer.from(JSON.stringify(sealPersonalBlock(key, CONTEXT, personId, t)), 'utf8').toString('base64url');
  });
}

/** Whether `node` holds sealed text (then reading it needs the person's key). */
export function hasTokens(node: unknown): boolean {
  let found = false;
  mapTexts(node, (t) => ((found ||= isToken(t)), t));
  return found;
}

/** Opens every sealed text; once the person is erased each reads `(erased)`. */
export async function openTexts<T>(node: T, sealer: Pick<PersonalSealer, 'openValue'>): Promise<T> {
  if (!hasTokens(node)) return node;
  const opened = new Map<string, string>();
  const tokens: string[] = [];
  mapTexts(node, (t) => (isToken(t) && tokens.push(t), t));
  for (const token of new Set(tokens)) {
    const block = JSON.parse(Buffer.from(token.slice(TOKEN.length), 'base64url').toString('utf8')) as SealedPersonal;
    try {
      opened.set(token, await sealer.openValue<string>(CONTEXT, block));
    } catch (error) {
      if (!isErased(error)) throw error;
      opened.set(token, ERASED_TEXT);
    }
  }
  return mapTexts(node, (t) => opened.get(t) ?? t);
}

/** Opens one token with a key in hand (tests, tools). */
export const openToken = (token: string, key: Buffer) => openPersonalBlock(key, CONTEXT, JSON.parse(Buffer.from(token.slice(TOKEN.length), 'base64url').toString('utf8')) as SealedPersonal) as string;

/**
 * The events of a change with their written text moved into the sealed personal block:
 * `clearance.revoked` (its reason) and an adjudicated `clearance.decided` (its reasons).
 */
export function sealEventTexts(events: EventEnvelope[], key: Buffer | undefined, sealer: Pick<PersonalSealer, 'sealEventWithKey'>): EventEnvelope[] {
  return events.map((e) => {
    if (e.type === 'clearance.revoked' && typeof e.data.reason === 'string') {
      const { reason, ...data } = e.data as { reason: string };
      return sealer.sealEventWithKey<'clearance.revoked'>(key!, { ...e, data }, { reason });
    }
    if (e.type === 'clearance.decided' && e.data.kind === 'adjudicated' && Array.isArray(e.data.reasons) && e.data.reasons.length) {
      return sealer.sealEventWithKey<'clearance.decided'>(key!, { ...e, data: { ...e.data, reasons: [] } }, { reasons: e.data.reasons as string[] });
    }
    return e;
  });
}

/** Whether the events carry text to seal (then the key is needed). */
export const eventsNeedKey = (events: EventEnvelope[]) =>
  events.some((e) => (e.type === 'clearance.revoked' && typeof e.data.reason === 'string') || (e.type === 'clearance.decided' && e.data.kind === 'adjudicated' && Array.isArray(e.data.reasons) && e.data.reasons.length > 0));
