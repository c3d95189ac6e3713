import { PageHeader } from '../components/common.tsx';
import { ErrorSummary, TextField, type FieldErrors } from '../components/form.tsx';
import { useI18n } from '../i18n/index.ts';

export interface NewPasswordPageProps {
  action: string;
  name: string;
  email: string;
  errors?: FieldErrors | undefined;
}

/** Choosing a new password with the link an administrator made. */
export function NewPasswordPage({ action, name, email, errors }: NewPasswordPageProps) {
  const { t, tx } = useI18n();
  const labels = { password: t('auth.field.newPassword'), passwordRepeat: t('auth.field.passwordRepeat') };
  return (
    <>
      <PageHeader title={t('auth.reset.title')} lead={t('auth.reset.lead', { name })} />
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} class="form-narrow">
        <p class="ds-paragraph">{tx('auth.emailIs', { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        {/* Lets a password manager store the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <TextField
          name="password"
          label={labels.password}
          type="password"
          autocomplete="new-password"
          description={t('auth.field.passwordHint')}
          errors={errors}
          required
        />
        <TextField name="passwordRepeat" label={labels.passwordRepeat} type="password" autocomplete="new-password" errors={errors} required />
        <p class="ds-paragraph muted">{t('auth.reset.signedOutElsewhere', { email })}</p>
        <button class="ds-button" type="submit">
          {t('auth.reset.submit')}
        </button>
      </form>
    </>
  );
}
