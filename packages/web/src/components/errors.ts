/** Turns a failed API call into a sentence for the page, in the reader's language. */
import { ApiError } from '../api/client.js';
import type { Translate } from '../i18n/i18n.js';

export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION_FAILED') return t('error.validation', { message: error.message });
    return t('error.generic', { code: error.code, message: error.message });
  }
  return t('error.generic', { code: 'CLIENT', message: error instanceof Error ? error.message : String(error) });
}
