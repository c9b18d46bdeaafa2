import type { Questionnaire } from './questionnaire';

const q = (id: string, en: string, fr: string, guidanceEn: string, guidanceFr: string) => ({
  id,
  text: { en, fr },
  guidance: { en: guidanceEn, fr: guidanceFr },
});

/**
 * The built-in self-assessment: the four Keeping Children Safe standards (policy, people,
 * procedures, accountability) as they apply to an office that recruits personnel for peacekeeping.
 * Nothing in it asks for personal data about candidates.
 */
export const KCS_QUESTIONNAIRE_V1: Omit<Questionnaire, 'createdAt' | 'createdBy'> = {
  version: 1,
  title: {
    en: 'Keeping Children Safe: safeguarding self-assessment of a recruitment office',
    fr: 'Keeping Children Safe : auto-évaluation de la protection par un bureau de recrutement',
  },
  standards: [
    {
      id: 'policy',
      title: { en: 'Standard 1: Policy', fr: 'Norme 1 : Politique' },
      statement: {
        en: 'The office has a policy that describes how it is committed to preventing, and responding appropriately to, harm to children.',
        fr: "Le bureau dispose d'une politique décrivant son engagement à prévenir les atteintes aux enfants et à y répondre de manière appropriée.",
      },
      questions: [
        q(
          'policy.1',
          'Is there a written child safeguarding policy, approved by the head of the office, that covers everyone involved in recruitment?',
          "Existe-t-il une politique écrite de protection de l'enfance, approuvée par le chef du bureau, couvrant toutes les personnes impliquées dans le recrutement ?",
          'The policy document, its approval and its date.',
          'Le document de politique, son approbation et sa date.',
        ),
        q(
          'policy.2',
          'Does the policy state that sexual exploitation and abuse is serious misconduct that bars a person from deployment?',
          "La politique établit-elle que l'exploitation et les atteintes sexuelles sont une faute grave excluant tout déploiement ?",
          'The section of the policy that says so.',
          'La section de la politique qui le prévoit.',
        ),
        q(
          'policy.3',
          'Is the policy communicated to all staff and to every nominee before nomination?',
          'La politique est-elle communiquée à tout le personnel et à chaque candidat avant sa désignation ?',
          'How and when it is communicated (briefing records, signed acknowledgements).',
          'Comment et quand elle est communiquée (registres de séances, accusés de réception signés).',
        ),
      ],
    },
    {
      id: 'people',
      title: { en: 'Standard 2: People', fr: 'Norme 2 : Personnes' },
      statement: {
        en: 'The office places clear responsibilities and expectations on its staff and supports them to understand and act in line with these.',
        fr: 'Le bureau fixe à son personnel des responsabilités et des attentes claires et l’aide à les comprendre et à s’y conformer.',
      },
      questions: [
        q(
          'people.1',
          'Is there a named safeguarding focal point with defined responsibilities and time to carry them out?',
          'Existe-t-il un point focal désigné pour la protection, avec des responsabilités définies et le temps de les assumer ?',
          'The appointment and terms of reference.',
          'La désignation et le mandat.',
        ),
        q(
          'people.2',
          'Have the staff who handle nominations been trained on safeguarding and on preventing sexual exploitation and abuse in the last two years?',
          "Le personnel qui traite les désignations a-t-il été formé à la protection et à la prévention de l'exploitation et des atteintes sexuelles au cours des deux dernières années ?",
          'Training records (dates, number of staff trained of the total).',
          'Registres de formation (dates, nombre de personnes formées sur le total).',
        ),
        q(
          'people.3',
          'Do staff sign a code of conduct that includes safeguarding?',
          'Le personnel signe-t-il un code de conduite incluant la protection ?',
          'The code of conduct and how signatures are kept.',
          'Le code de conduite et la manière dont les signatures sont conservées.',
        ),
        q(
          'people.4',
          "Are the office's own staff recruited safely (references and record checks)?",
          'Le personnel du bureau lui-même est-il recruté de façon sûre (références et vérification des antécédents) ?',
          'The recruitment procedure for office staff.',
          'La procédure de recrutement du personnel du bureau.',
        ),
      ],
    },
    {
      id: 'procedures',
      title: { en: 'Standard 3: Procedures', fr: 'Norme 3 : Procédures' },
      statement: {
        en: 'The office creates a child-safe environment through safeguarding procedures applied across its work.',
        fr: "Le bureau crée un environnement sûr pour les enfants grâce à des procédures de protection appliquées à l'ensemble de ses activités.",
      },
      questions: [
        q(
          'procedures.1',
          'Is every nominee vetted before nomination (records, references from prior employers, self-declaration)?',
          'Chaque candidat est-il vérifié avant sa désignation (antécédents, références des employeurs précédents, déclaration sur l’honneur) ?',
          'The vetting procedure and how its completion is recorded.',
          'La procédure de vérification et la manière dont son achèvement est enregistré.',
        ),
        q(
          'procedures.2',
          'Is there a procedure to report concerns and allegations, including referral to the UN and national authorities?',
          'Existe-t-il une procédure de signalement des préoccupations et des allégations, y compris le renvoi vers les Nations Unies et les autorités nationales ?',
          'The reporting procedure and its contacts.',
          'La procédure de signalement et ses contacts.',
        ),
        q(
          'procedures.3',
          'Do nominees complete pre-deployment training on sexual exploitation and abuse, and is it recorded?',
          "Les candidats suivent-ils une formation préalable au déploiement sur l'exploitation et les atteintes sexuelles, et est-elle enregistrée ?",
          'Training curriculum and attendance records.',
          'Programme de formation et registres de présence.',
        ),
        q(
          'procedures.4',
          "Are nominees' personal data kept confidential, with access limited and retention periods applied?",
          'Les données personnelles des candidats sont-elles confidentielles, avec un accès limité et des durées de conservation appliquées ?',
          'Access rules and the retention schedule.',
          "Règles d'accès et calendrier de conservation.",
        ),
      ],
    },
    {
      id: 'accountability',
      title: { en: 'Standard 4: Accountability', fr: 'Norme 4 : Redevabilité' },
      statement: {
        en: 'The office monitors and reviews its safeguarding measures.',
        fr: 'Le bureau suit et révise ses mesures de protection.',
      },
      questions: [
        q(
          'accountability.1',
          'Are safeguarding measures reviewed at least once a year, and are the findings acted on?',
          "Les mesures de protection sont-elles révisées au moins une fois par an, et les constats sont-ils suivis d'effet ?",
          'The last review and the actions it led to.',
          'La dernière révision et les mesures qui en ont découlé.',
        ),
        q(
          'accountability.2',
          'Are requests for action from the UN about misconduct tracked to an answer within their deadlines?',
          "Les demandes d'action des Nations Unies concernant des fautes sont-elles suivies jusqu'à leur réponse dans les délais ?",
          'The register of requests and their status.',
          'Le registre des demandes et leur état.',
        ),
        q(
          'accountability.3',
          'Are concerns and incidents recorded and reported to senior management?',
          'Les préoccupations et les incidents sont-ils enregistrés et signalés à la direction ?',
          'The incident log (without names) and management reports.',
          'Le registre des incidents (sans noms) et les rapports à la direction.',
        ),
      ],
    },
  ],
};
