import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';

/** ISO 3166-1 alpha-2 codes the services accept (the same list as intake's i18n-iso-countries). */
const CODES =
  'AF AL DZ AS AD AO AI AQ AG AR AM AW AU AT AZ BS BH BD BB BY BE BZ BJ BM BT BO BA BW BV BR IO BN BG BF BI KH CM CA CV KY CF TD CL CN CX CC CO KM CG CD CK CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE ET FK FO FJ FI FR GF PF TF GA GM GE DE GH GI GR GL GD GP GU GT GN GW GY HT HM VA HN HK HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MO MG MW MY MV ML MT MH MQ MR MU YT MX FM MD MC MN MS MA MZ MM NA NR NP NL NC NZ NI NE NG NU NF MP MK NO OM PK PW PS PA PG PY PE PH PN PL PT PR QA RE RO RU RW SH KN LC PM VC WS SM ST SA SN SC SL SG SK SI SB SO ZA GS ES LK SD SR SJ SZ SE CH SY TW TJ TZ TH TL TG TK TO TT TN TR TM TC TV UG UA AE GB US UM UY UZ VU VE VN VG VI WF EH YE ZM ZW AX BQ CW GG IM JE ME BL MF RS SX SS XK'.split(
    ' ',
  );

/** Countries by their name in the user's language (the browser's own names: nothing to download). */
export function useCountries(): { code: string; name: string }[] {
  const { language } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    const collator = new Intl.Collator(language);
    return CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  }, [language]);
}

/** A country chooser sending the two-letter code; empty means "not given". */
export function CountrySelect({
  id,
  name,
  required,
  defaultValue,
  describedBy,
}: {
  id: string;
  name: string;
  required?: boolean;
  defaultValue?: string;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const countries = useCountries();
  return (
    <select id={id} name={name} required={required} defaultValue={defaultValue ?? ''} aria-describedby={describedBy}>
      <option value="">{t('form.choose')}</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name} ({c.code})
        </option>
      ))}
    </select>
  );
}
