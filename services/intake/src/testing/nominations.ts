/**
 * Employment every test nomination needs under the built-in policy (five years accounted for): a
 * soldier serving in the national forces since 2010. Tests of employment coverage itself build their own.
 */
export const inService = { name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true };

/** The same as CSV columns and cells, to append to a contingent file's header and rows. */
export const IN_SERVICE_COLUMNS = 'employer_1_name,employer_1_role,employer_1_from,employer_1_national_service';
export const IN_SERVICE_CELLS = 'Ghana Armed Forces,Private,2010,yes';
