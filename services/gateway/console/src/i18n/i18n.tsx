import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Catalogue, type MessageKey } from './en';
import { fr } from './fr';

/** Every language the console speaks: add a catalogue here (typed against English) to add one. */
export const LANGUAGES = { en: { label: 'English', messages: en as Catalogue }, fr: { label: 'Français', messages: fr } } as const;
export type Language = keyof typeof LANGUAGES;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translator(language: Language): Translate {
  const messages = LANGUAGES[language].messages;
  return (key, values) => format(messages[key] ?? en[key] ?? key, values);
}

/** The text of a key built from data (`status.<value>`), or `fallback` when no catalogue has the key. */
export function textOr(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

const STORAGE_KEY = 'vetting.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored && stored in LANGUAGES) return stored as Language;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return browser && browser in LANGUAGES ? (browser as Language) : 'en';
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** Dates in the user's language, in UTC so every office reads the same day. */
  date(iso: string | undefined | null): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  }, [language]);
  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    return { language, setLanguage, t: translator(language), date: (iso) => (iso ? dates.format(new Date(iso)) : '—') };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
