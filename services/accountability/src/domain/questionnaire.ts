/** Text in every language the console speaks. */
export interface Text {
  en: string;
  fr: string;
}

export interface Question {
  /** Stable within a version: `<standard>.<n>`. */
  id: string;
  text: Text;
  /** What good evidence looks like. */
  guidance: Text;
}

export interface Standard {
  id: 'policy' | 'people' | 'procedures' | 'accountability';
  title: Text;
  /** The standard as Keeping Children Safe states it. */
  statement: Text;
  questions: Question[];
}

/** One version of the self-assessment; offices answer a version, and a new one never changes old answers. */
export interface Questionnaire {
  version: number;
  title: Text;
  createdAt: string;
  createdBy: string;
  standards: Standard[];
}

export const STANDARD_IDS: Standard['id'][] = ['policy', 'people', 'procedures', 'accountability'];

export const questionsOf = (q: Questionnaire) =>
  q.standards.flatMap((s) => s.questions.map((question) => ({ ...question, standard: s.id })));

/**
 * Problems of a questionnaire an admin wants to publish: the four standards, in order, each with
 * questions whose ids are unique and belong to their standard, every text in every language.
 */
export function questionnaireProblems(q: Omit<Questionnaire, 'version' | 'createdAt' | 'createdBy'>): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (q.standards.map((s) => s.id).join() !== STANDARD_IDS.join())
    problems.push({ field: '/standards', reason: `must be the four standards in order: ${STANDARD_IDS.join(', ')}` });
  const seen = new Set<string>();
  q.standards.forEach((s, i) => {
    if (!s.questions.length) problems.push({ field: `/standards/${i}/questions`, reason: 'a standard needs at least one question' });
    s.questions.forEach((question, j) => {
      if (!question.id.startsWith(`${s.id}.`))
        problems.push({ field: `/standards/${i}/questions/${j}/id`, reason: `must start with "${s.id}."` });
      if (seen.has(question.id)) problems.push({ field: `/standards/${i}/questions/${j}/id`, reason: 'already used' });
      seen.add(question.id);
    });
  });
  return problems;
}
