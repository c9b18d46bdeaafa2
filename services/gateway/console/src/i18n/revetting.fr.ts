import type { revettingEn } from './revetting.en';

/** Messages du contrôle périodique : l’intervalle de la politique par catégorie, et qui est à contrôler de nouveau. */
export const revettingFr: Record<keyof typeof revettingEn, string> = {
  'nav.revettings': 'Nouveau contrôle',
  'revettings.title': 'Contrôle périodique',
  'revettings.intro':
    'Les personnes qui restent en service sont contrôlées de nouveau quand l’intervalle de la politique pour leur catégorie est écoulé : un nouveau criblage et les vérifications requises. Leur autorisation reste valable jusqu’à la nouvelle décision ou jusqu’à son terme.',
  'revettings.due': 'À contrôler',
  'revettings.inProgress': 'Contrôle en cours',
  'revettings.within': 'À contrôler d’ici (jours)',
  'revettings.show': 'Afficher',
  'revettings.dueAt': 'Échéance',
  'revettings.validUntil': 'Autorisation valable jusqu’au',
  'revettings.openedAt': 'Contrôle ouvert le',
  'revettings.none': 'Personne dans cette liste.',
  'revettings.caption': '{count} personne(s)',
  'revettings.banner':
    'Contrôle périodique en cours depuis le {date} : criblage et vérifications à nouveau. L’autorisation reste valable jusqu’à la nouvelle décision.',
  'policies.revetting': 'Contrôle périodique',
  'policies.revettingHint':
    'Mois après une autorisation au bout desquels la personne est contrôlée de nouveau ; moins que la durée de validité de l’autorisation. Laisser vide pour une catégorie sans contrôle périodique.',
  'policies.revettingMonths': '{category} : nouveau contrôle après (mois)',
};
