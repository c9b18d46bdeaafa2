/** Messages of periodic re-vetting: the policy's interval per category, and who is due or being re-vetted. */
export const revettingEn = {
  'nav.revettings': 'Re-vetting',
  'revettings.title': 'Periodic re-vetting',
  'revettings.intro':
    'People who keep serving are vetted again when the policy’s interval for their category has passed: a fresh screening and the required checks. Their clearance holds until the new decision or its own end.',
  'revettings.due': 'Due',
  'revettings.inProgress': 'Being re-vetted',
  'revettings.within': 'Due within (days)',
  'revettings.show': 'Show',
  'revettings.dueAt': 'Due on',
  'revettings.validUntil': 'Clearance valid until',
  'revettings.openedAt': 'Re-vetting opened',
  'revettings.none': 'Nobody in this list.',
  'revettings.caption': '{count} person(s)',
  'revettings.banner':
    'Periodic re-vetting in progress since {date}: screening and checks run again. The clearance holds until the new decision.',
  'policies.revetting': 'Periodic re-vetting',
  'policies.revettingHint':
    'Months after a clearance when the person is vetted again; shorter than the clearance’s validity. Leave empty for a category that is not re-vetted on a schedule.',
  'policies.revettingMonths': '{category}: re-vet after (months)',
};
