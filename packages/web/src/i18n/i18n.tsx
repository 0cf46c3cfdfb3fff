/**
 * Languages: English (left to right) and Urdu (right to left). The choice is kept in localStorage and applied to
 * `<html lang dir>`, so the whole layout flips through CSS logical properties. No library: a typed catalogue per
 * language and `t(key, values)` that fills `{name}` placeholders.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './messages-en.js';
import { ur } from './messages-ur.js';

export const LANGUAGES = ['en', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGUES: Readonly<Record<Language, Messages>> = { en, ur };
const DIRECTIONS: Readonly<Record<Language, 'ltr' | 'rtl'>> = { en: 'ltr', ur: 'rtl' };
/** BCP 47 tags for number and date formatting; Urdu as written in Pakistan. */
const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', ur: 'ur-PK' };
const STORAGE_KEY = 'sarhad.language';

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

interface I18n {
  readonly language: Language;
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  setLanguage(language: Language): void;
  /** A timestamp in the reader's language, or '—' for none. */
  formatTime(iso: string | null): string;
  formatNumber(value: number): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be disabled; English is the default.
  }
  return 'en';
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    root.dir = DIRECTIONS[language];
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; still applied now.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[language];
    const locale = LOCALES[language];
    const numbers = new Intl.NumberFormat(locale);
    const times = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const t: Translate = (key, values) => {
      const template = messages[key];
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = values[name];
        return v === undefined ? whole : typeof v === 'number' ? numbers.format(v) : v;
      });
    };
    return {
      language,
      dir: DIRECTIONS[language],
      t,
      setLanguage,
      formatTime: (iso) => (iso ? times.format(new Date(iso)) : '—'),
      formatNumber: (n) => numbers.format(n),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
