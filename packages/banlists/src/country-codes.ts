import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/**
 * Spellings the UN and OFAC lists use that the CLDR-based names of i18n-iso-countries do not know.
 * Keys are lower-case. Historic states (USSR, Yugoslavia) are deliberately absent: no code is right.
 */
const LIST_SPELLINGS: Record<string, string> = {
  "democratic people's republic of korea": 'KP',
  'korea, north': 'KP',
  'north korea': 'KP',
  'korea, south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  burma: 'MM',
  syria: 'SY',
  'congo, democratic republic of the': 'CD',
  'congo, republic of the': 'CG',
  'united kingdom of great britain and northern ireland': 'GB',
  'west bank': 'PS',
  gaza: 'PS',
  'palestinian territories': 'PS',
  laos: 'LA',
  moldova: 'MD',
  macedonia: 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  swaziland: 'SZ',
  brunei: 'BN',
  macau: 'MO',
  'cote d ivoire': 'CI',
  "côte d'ivoire": 'CI',
  'bolivarian republic of venezuela': 'VE',
  'venezuela (bolivarian republic of)': 'VE',
  'iran (islamic republic of)': 'IR',
  'bolivia (plurinational state of)': 'BO',
  "lao people's democratic republic": 'LA',
  'republic of moldova': 'MD',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'cabo verde': 'CV',
  'timor-leste': 'TL',
  'holy see': 'VA',
  'macedonia, the former yugoslav republic of': 'MK',
  // OFAC sometimes writes a demonym for a nationality.
  palestinian: 'PS',
  eritrean: 'ER',
};

/**
 * ISO 3166-1 alpha-2 code for a country as a list writes it ("Afghanistan", "Korea, North", "KP", "AFG"),
 * or undefined when it names no current country.
 */
export function toCountryCode(name: string): string | undefined {
  const text = name
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .replace(/^possibly /i, '');
  if (!text) return undefined;
  if (/^[A-Za-z]{2}$/.test(text)) return countries.isValid(text.toUpperCase()) ? text.toUpperCase() : undefined;
  if (/^[A-Z]{3}$/.test(text)) return countries.alpha3ToAlpha2(text) ?? undefined;
  return LIST_SPELLINGS[text.toLowerCase()] ?? countries.getAlpha2Code(text, 'en') ?? undefined;
}

/** True for an assigned ISO 3166-1 alpha-2 code (upper case, as the platform format requires). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}
