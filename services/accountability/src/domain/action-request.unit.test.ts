import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  close,
  figuresByCountry,
  remind,
  respond,
  statusOf,
  sweep,
  type ActionRequest,
  type ActionResponse,
  type Change,
} from './action-request';

const request = (over: Partial<ActionRequest> = {}): ActionRequest => ({
  id: 'rfa-1',
  reference: 'RFA-2026-0001',
  country: 'GH',
  mission: 'MINUSCA',
  category: 'sea',
  substantiatedOn: '2026-01-20',
  candidateId: 'cand-1',
  listEntry: { listId: 'un-sea', entryId: 'SEA-17' },
  actions: [
    { kind: 'investigation', dueBy: '2026-04-01T00:00:00.000Z' },
    { kind: 'outcome-report', dueBy: '2026-06-01T00:00:00.000Z' },
  ],
  dueBy: '2026-06-01T00:00:00.000Z',
  sealedSummary: 'x',
  state: 'sent',
  sentAt: '2026-02-01T00:00:00.000Z',
  sentBy: 'un-1',
  responses: [],
  reminders: [],
  ...over,
});
const response = (over: Partial<ActionResponse> = {}): ActionResponse => ({
  responseId: 'r1',
  kind: 'interim',
  covers: ['investigation'],
  sealedText: 'x',
  respondedAt: '2026-03-01T00:00:00.000Z',
  respondedBy: 'gh-office',
  ...over,
});
const state = (c: Change) => {
  if (!c || 'problem' in c) throw new Error(JSON.stringify(c));
  return c.state;
};
const opts = { remindBeforeDays: 14, remindEveryDays: 30 };

describe('requests for action', () => {
  it('when the office acknowledges, reports in between and then answers, then the request goes sent → acknowledged → answered', () => {
    const acked = state(acknowledge(request(), 'gh-office', '2026-02-03T00:00:00.000Z'));
    expect(statusOf(acked)).toBe('acknowledged');
    expect(acknowledge(acked, 'gh-office', '2026-02-04T00:00:00.000Z')).toBeUndefined();
    const interim = state(respond(acked, response()));
    expect(statusOf(interim)).toBe('acknowledged');
    expect(respond(interim, response({ kind: 'final', covers: ['outcome-report'] }))).toMatchObject({
      problem: { code: 'ACTION_REQUEST.OUTCOME_REQUIRED', field: 'body/outcome' },
    });
    const final = state(
      respond(
        interim,
        response({
          responseId: 'r2',
          kind: 'final',
          covers: ['investigation', 'outcome-report'],
          outcome: 'sanctioned',
          respondedAt: '2026-05-01T00:00:00.000Z',
        }),
      ),
    );
    expect(statusOf(final)).toBe('answered');
    expect(remind(final, { at: '2026-05-02T00:00:00.000Z', by: 'un-1', automatic: false })).toMatchObject({
      problem: { code: 'ACTION_REQUEST.NOTHING_TO_REMIND' },
    });
    expect(statusOf(state(close(final, 'un-1', '2026-05-10T00:00:00.000Z', 'outcome received')))).toBe('closed');
  });

  it('when a response reports on an action nobody asked for, then it is refused naming the field', () => {
    expect(respond(request(), response({ covers: ['victim-support'] }))).toMatchObject({
      problem: { code: 'ACTION_REQUEST.NOT_ASKED', field: 'body/covers' },
    });
  });

  it('when the deadline comes near, passes and stays passed, then the job reminds once, marks overdue once, and reminds again a month later', () => {
    const r = request();
    expect(sweep(r, new Date('2026-05-01T00:00:00Z'), opts)).toBeUndefined();
    const soon = state(sweep(r, new Date('2026-05-20T00:00:00Z'), opts));
    expect(soon.reminders).toHaveLength(1);
    expect(sweep(soon, new Date('2026-05-25T00:00:00Z'), opts)).toBeUndefined();
    const late = sweep(soon, new Date('2026-06-02T00:00:00Z'), opts);
    expect(late).toMatchObject({ event: 'overdue' });
    const overdue = state(late);
    expect(statusOf(overdue)).toBe('overdue');
    expect(sweep(overdue, new Date('2026-06-10T00:00:00Z'), opts)).toBeUndefined();
    expect(sweep(overdue, new Date('2026-07-03T00:00:00Z'), opts)).toMatchObject({ event: 'reminded' });
    const answered = state(
      respond(overdue, response({ kind: 'final', outcome: 'no-action-taken', respondedAt: '2026-07-05T00:00:00.000Z' })),
    );
    expect(statusOf(answered)).toBe('answered');
    expect(sweep(answered, new Date('2026-09-01T00:00:00Z'), opts)).toBeUndefined();
  });

  it('when figures are counted, then each request is sent once and counted in its current status by country, with the median days to a final response', () => {
    const answered = state(respond(request(), response({ kind: 'final', outcome: 'sanctioned', respondedAt: '2026-02-11T00:00:00.000Z' })));
    const overdue = request({ id: 'rfa-2', overdueSince: '2026-06-02T00:00:00.000Z' });
    const np = request({ id: 'rfa-3', country: 'NP' });
    expect(figuresByCountry([answered, overdue, np])).toEqual({
      GH: { sent: 2, responded: 1, acknowledged: 0, answered: 1, overdue: 1, closed: 0, medianDaysToAnswer: 10 },
      NP: { sent: 1, responded: 0, acknowledged: 0, answered: 0, overdue: 0, closed: 0, medianDaysToAnswer: null },
    });
  });
});
