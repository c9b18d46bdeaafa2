import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const GIVEN = ['Kwame', 'Abena', 'Yaw', 'Efua', 'Kofi', 'Ama', 'Kojo', 'Akosua', 'Kwesi', 'Adwoa', 'Fiifi', 'Esi'];
const FAMILY = ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Darko', 'Adjei', 'Appiah', 'Osei', 'Amoah', 'Agyeman'];
const RANKS = ['Private', 'Lance Corporal', 'Corporal', 'Sergeant', 'Lieutenant', 'Captain'];

/** Writes a realistic contingent CSV of `rows` distinct people (deterministic) to `path`, streaming. */
export async function writeContingent(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    'name,date_of_birth,nationalities,gender,document_type,document_number,document_country,service_number,rank,unit,consent_given,consent_form_version,consent_signed_at,consent_method,declaration_form_version,declaration_signed_at,declaration_method,declaration_criminal_offence,declaration_human_rights_violation,declaration_disciplinary_repatriation,employer_1_name,employer_1_role,employer_1_from,employer_1_national_service\n',
  );
  for (let i = 0; i < rows; i++) {
    const name = `${GIVEN[i % GIVEN.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${FAMILY[(i * 3) % FAMILY.length]}-${i}`;
    const dob = `${1975 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const line = `${name},${dob},GH,${i % 5 ? 'male' : 'female'},passport,G${String(1_000_000 + i)},GH,GA-${200_000 + i},${RANKS[i % RANKS.length]},6th Battalion,yes,UN-HRSP-2024.1,2026-01-10,electronic-signature,HRSP-SC-2024,2026-01-10,electronic-signature,no,no,no,Ghana Armed Forces,${RANKS[i % RANKS.length]},${2000 + (i % 15)},yes\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
