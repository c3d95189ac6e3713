import { PageHeader } from '../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../components/form.tsx';
import { useI18n, type I18n } from '../i18n/index.ts';

/** "Too many attempts: wait 40 seconds / 3 minutes", in the reader's language. */
export function throttledText(t: I18n['t'], until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return t('auth.throttled', { seconds, minutes: seconds < 60 ? 0 : Math.ceil(seconds / 60) });
}

export interface LoginPageProps {
  /** Where to go after signing in; without it the user lands where the role starts. */
  next: string | undefined;
  email?: string;
  errors?: FieldErrors;
  /** What happened: a failed attempt, the limit, having signed out. */
  notice?: { color: 'success' | 'info' | 'warning' | 'danger'; text: string } | undefined;
  signedInAs?: string | undefined;
}

export function LoginPage({ next, email, errors, notice, signedInAs }: LoginPageProps) {
  const { t } = useI18n();
  const labels = { email: t('auth.field.email'), password: t('auth.field.password') };
  return (
    <>
      <PageHeader title={t('auth.login.title')} lead={t('auth.login.lead')} />
      {signedInAs ? <Notice color="info">{t('auth.login.already', { name: signedInAs })}</Notice> : null}
      {notice ? <Notice color={notice.color}>{notice.text}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action="/login" class="form-narrow">
        {next ? <input type="hidden" name="neste" value={next} /> : null}
        <TextField name="email" label={labels.email} type="email" autocomplete="username" value={email} errors={errors} required />
        <TextField name="password" label={labels.password} type="password" autocomplete="current-password" errors={errors} required />
        <button class="ds-button" type="submit">
          {t('auth.login.submit')}
        </button>
      </form>
      <p class="ds-paragraph muted">{t('auth.login.help')}</p>
    </>
  );
}
