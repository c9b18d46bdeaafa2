import { describe, expect, it } from 'vitest';
import { SCREENS, allowed } from '../app/screens';
import { errorsByRule, policyFrom } from '../components/policy/policy-form';
import { ApiError } from '../api/client';

describe('re-vetting in the policy editor', () => {
  it('when intervals are typed for some categories and left empty for others, then only the typed ones are sent, as typed', () => {
    const form = new FormData();
    form.set('months', '12');
    form.set('revetting.civilian', '9');
    form.set('revetting.staff-officer', '0');
    form.set('revetting.military-contingent', '');
    expect(policyFrom(form).revetting).toEqual({ civilian: { everyMonths: 9 }, 'staff-officer': { everyMonths: 0 } });
  });

  it('when the service refuses an interval, then the refusal is shown beside the re-vetting rules', () => {
    const error = new ApiError(400, {
      type: 'about:blank',
      title: 'The policy is not valid',
      status: 400,
      errors: [{ field: 'body/revetting/civilian/everyMonths', reason: 'must be shorter than validity/months (12)' }],
    });
    expect(errorsByRule(error).get('revetting')).toEqual(['revetting/civilian/everyMonths: must be shorter than validity/months (12)']);
  });
});

describe('who opens the re-vetting list', () => {
  it('when an office, a screening officer or an auditor signs in, then they see who is due; an administrator does not', () => {
    const screen = SCREENS.find((s) => s.path === '/revettings')!;
    for (const role of ['tcc-officer', 'un-screener', 'un-adjudicator', 'auditor']) expect(allowed(screen, [role])).toBe(true);
    expect(allowed(screen, ['admin'])).toBe(false);
  });
});
