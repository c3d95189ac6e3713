import { z } from 'zod';
import { useI18n } from '../../views/i18n/index.ts';

/**
 * Zod's own messages (for a check whose schema gives none) in the request's language, from the
 * catalogue: "Mangler en verdi." rather than zod's English "Invalid input: expected string,
 * received undefined". A schema's own message always wins over these.
 */
export function localiseZodMessages(): void {
  z.config({
    localeError: (issue) => {
      const { t } = useI18n();
      switch (issue.code) {
        case 'invalid_type':
          return t(issue.input === undefined ? 'errors.zod.required' : 'errors.zod.invalidType');
        case 'too_small':
          if (issue.origin === 'string') return t('errors.zod.tooSmall.string', { minimum: Number(issue.minimum) });
          if (issue.origin === 'number' || issue.origin === 'int') return t('errors.zod.tooSmall.number', { minimum: Number(issue.minimum) });
          return t('errors.zod.other');
        case 'too_big':
          if (issue.origin === 'string') return t('errors.zod.tooBig.string', { maximum: Number(issue.maximum) });
          if (issue.origin === 'number' || issue.origin === 'int') return t('errors.zod.tooBig.number', { maximum: Number(issue.maximum) });
          return t('errors.zod.other');
        case 'invalid_value':
          return t('errors.zod.invalidValue');
        case 'invalid_format':
          return t('errors.zod.invalidFormat');
        default:
          return t('errors.zod.other');
      }
    },
  });
}
