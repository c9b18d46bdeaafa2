import {
  isErased,
  openPersonalBlock,
  sealPersonalBlock,
  type EventEnvelope,
  type PersonalSealer,
  type SealedPersonal,
} from '@vetting/platform';

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
/**
 * What the candidate declared on the nomination — the self-declaration items answered "yes" and
 * the employment periods — is not text but tells as much about the person: each is sealed whole,
 * under the same key, as one token in place of the value (dropped once the person is erased).
 */
const SEALED_VALUES = new Set(['employment', 'declared']);
/** What a text reads as once the person is erased. */
export const ERASED_TEXT = '(erased)';

export const isToken = (v: unknown): v is string => typeof v === 'string' && v.startsWith(TOKEN);

type Visit = { text: (t: string) => string; value: (v: unknown) => unknown };

/** Maps every free-text value (string, or each string of an array) and every sealed nomination value of a case, its decisions, proposals, flags and inputs. */
function mapPersonal<T>(node: T, visit: Visit, parent?: string): T {
  if (Array.isArray(node)) return node.map((n) => mapPersonal(n, visit, parent)) as T;
  if (!node || typeof node !== 'object') return node;
  const automatic = (node as { kind?: unknown }).kind === 'automatic';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (parent === 'nomination' && SEALED_VALUES.has(k)) {
      const mapped = v === undefined ? v : visit.value(v);
      if (mapped !== undefined) out[k] = mapped;
    } else if (!FREE_TEXT.has(k) || (automatic && k === 'reasons')) out[k] = mapPersonal(v, visit, k);
    else if (typeof v === 'string') out[k] = visit.text(v);
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? visit.text(x) : mapPersonal(x, visit, k)));
    else out[k] = mapPersonal(v, visit, k);
  }
  return out as T;
}

const blockOf = (token: string) => JSON.parse(Buffer.from(token.slice(TOKEN.length), 'base64url').toString('utf8')) as SealedPersonal;

/** Whether anything in `node` is written text or a nomination value not sealed yet (then the person's key is needed). */
export function hasPlainText(node: unknown): boolean {
  let plain = false;
  mapPersonal(node, {
    text: (t) => ((plain ||= t !== '' && !isToken(t) && t !== ERASED_TEXT), t),
    value: (v) => ((plain ||= !isToken(v)), v),
  });
  return plain;
}

/** Seals every written text and nomination value not sealed yet with the person's key (`undefined`: erased, the text reads `(erased)`, the value is dropped). */
export function sealTexts<T>(node: T, personId: string, key: Buffer | undefined): T {
  const seal = (v: unknown) =>
    TOKEN + Buffer.from(JSON.stringify(sealPersonalBlock(key!, CONTEXT, personId, v)), 'utf8').toString('base64url');
  return mapPersonal(node, {
    text: (t) => (t === '' || isToken(t) || t === ERASED_TEXT ? t : key ? seal(t) : ERASED_TEXT),
    value: (v) => (isToken(v) ? v : key ? seal(v) : undefined),
  });
}

/** Whether `node` holds sealed text (then reading it needs the person's key). */
export function hasTokens(node: unknown): boolean {
  let found = false;
  mapPersonal(node, { text: (t) => ((found ||= isToken(t)), t), value: (v) => ((found ||= isToken(v)), v) });
  return found;
}

/** Whether `node` holds sealed nomination values (the policy needs them opened to decide). */
export function hasValueTokens(node: unknown): boolean {
  let found = false;
  mapPersonal(node, { text: (t) => t, value: (v) => ((found ||= isToken(v)), v) });
  return found;
}

/** Opens the sealed nomination values with the key in hand (`undefined`: erased, they are dropped); texts stay sealed. */
export function openValuesWithKey<T>(node: T, key: Buffer | undefined): T {
  return mapPersonal(node, {
    text: (t) => t,
    value: (v) => (!isToken(v) ? v : key ? openPersonalBlock(key, CONTEXT, blockOf(v)) : undefined),
  });
}

const ERASED = Symbol('erased');

/** Opens every sealed text and value; once the person is erased each text reads `(erased)` and each value is gone. */
export async function openTexts<T>(node: T, sealer: Pick<PersonalSealer, 'openValue'>): Promise<T> {
  if (!hasTokens(node)) return node;
  const opened = new Map<string, unknown>();
  const tokens: string[] = [];
  mapPersonal(node, { text: (t) => (isToken(t) && tokens.push(t), t), value: (v) => (isToken(v) && tokens.push(v), v) });
  for (const token of new Set(tokens)) {
    try {
      opened.set(token, await sealer.openValue<unknown>(CONTEXT, blockOf(token)));
    } catch (error) {
      if (!isErased(error)) throw error;
      opened.set(token, ERASED);
    }
  }
  const read = (t: unknown) => (isToken(t) && opened.has(t) ? opened.get(t) : t);
  return mapPersonal(node, {
    text: (t) => {
      const v = read(t);
      return v === ERASED ? ERASED_TEXT : (v as string);
    },
    value: (v) => {
      const out = read(v);
      return out === ERASED ? undefined : out;
    },
  });
}

/** Opens one token with a key in hand (tests, tools). */
export const openToken = (token: string, key: Buffer) => openPersonalBlock(key, CONTEXT, blockOf(token)) as string;

/**
 * A decision's reasons name its findings in words ("a prior employer reported …", what the candidate
 * declared): every decision but a clean automatic clearance seals them. A notice's finding keys name
 * the same, and are sealed too.
 */
const sealsReasons = (e: EventEnvelope) =>
  e.type === 'clearance.decided' &&
  Array.isArray(e.data.reasons) &&
  e.data.reasons.length > 0 &&
  (e.data.kind === 'adjudicated' || e.data.outcome !== 'cleared');
const sealsFindings = (e: EventEnvelope) =>
  e.type === 'clearance.notice-recorded' && Array.isArray(e.data.findings) && e.data.findings.length > 0;

/**
 * The events of a change with their written text moved into the sealed personal block:
 * `clearance.revoked` (its reason), `clearance.decided` (its reasons, unless a clean automatic
 * clearance) and `clearance.notice-recorded` (the keys of the findings it told the candidate of).
 * Without a key (the person is erased) the text is dropped, as it is from the case.
 */
export function sealEventTexts(
  events: EventEnvelope[],
  key: Buffer | undefined,
  sealer: Pick<PersonalSealer, 'sealEventWithKey'>,
): EventEnvelope[] {
  return events.map((e) => {
    if (e.type === 'clearance.revoked' && typeof e.data.reason === 'string') {
      const { reason, ...data } = e.data as { reason: string };
      const event = { ...e, data };
      return key ? sealer.sealEventWithKey<'clearance.revoked'>(key, event, { reason }) : event;
    }
    if (sealsReasons(e)) {
      const event = { ...e, data: { ...e.data, reasons: [] } };
      return key ? sealer.sealEventWithKey<'clearance.decided'>(key, event, { reasons: e.data.reasons as string[] }) : event;
    }
    if (sealsFindings(e)) {
      const event = { ...e, data: { ...e.data, findings: [] } };
      return key ? sealer.sealEventWithKey<'clearance.notice-recorded'>(key, event, { findings: e.data.findings as string[] }) : event;
    }
    return e;
  });
}

/** Whether the events carry text to seal (then the key is needed). */
export const eventsNeedKey = (events: EventEnvelope[]) =>
  events.some((e) => (e.type === 'clearance.revoked' && typeof e.data.reason === 'string') || sealsReasons(e) || sealsFindings(e));
