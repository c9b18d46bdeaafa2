/**
 * Submitting nominations to intake the way an office would, shared by the fault run, the scale-out
 * test and the pipeline benchmark.
 */
export const nominationBody = (tag: string, i: number) =>
  JSON.stringify({
    nomination: { mission: 'MINUSCA', rotation: `${tag.toUpperCase()}-1`, category: 'military-contingent' },
    person: {
      names: [{ full: `Yaw ${tag}${i} Owusu` }],
      dateOfBirth: '1990-01-01',
      nationalities: ['GH'],
      serviceNumber: `${tag}-${i}`,
      // In service since 2010: the employment window is accounted for; the disciplinary record is asked.
      previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true }],
    },
    consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
  });

/**
 * POSTs one nomination, retrying with the same idempotency key while intake (or its database) is
 * down — a 5xx or a refused connection — so a fault never turns into a lost or a doubled candidate.
 * Returns the candidate id and when the accepted attempt started. A token function is asked on every
 * attempt (a long outage outlives a token).
 */
export async function submitNomination(
  baseUrl: string | (() => string),
  token: string | (() => Promise<string>),
  key: string,
  body: string,
  deadlineMs = 300_000,
): Promise<{ id: string; attempts: number; acceptedAt: number }> {
  const deadline = Date.now() + deadlineMs;
  for (let attempts = 1; ; attempts++) {
    const startedAt = performance.now();
    const url = typeof baseUrl === 'function' ? baseUrl() : baseUrl;
    const res = await fetch(`${url}/candidates`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${typeof token === 'function' ? await token() : token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body,
      signal: AbortSignal.timeout(30_000),
    }).catch((error: unknown) => error as Error);
    if (!(res instanceof Error) && res.ok) return { id: ((await res.json()) as { id: string }).id, attempts, acceptedAt: startedAt };
    if (!(res instanceof Error) && res.status < 500) throw new Error(`nomination ${key} refused: ${res.status} ${await res.text()}`);
    if (Date.now() > deadline)
      throw new Error(`nomination ${key} not accepted within ${deadlineMs} ms: ${res instanceof Error ? res.message : res.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
