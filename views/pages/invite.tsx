import type { Role } from '../../model/accounts.ts';
import { useI18n } from '../i18n/index.ts';
import { PageHeader } from '../components/common.tsx';
import { ErrorSummary, TextField, type FieldErrors } from '../components/form.tsx';

export interface AcceptInvitePageProps {
  action: string;
  /** The setup link asks for the e-mail address; an invitation already has one. */
  setup: boolean;
  email: string | null;
  role: Role;
  boundTo: string | null;
  values?: { email?: string | undefined; name?: string | undefined };
  errors?: FieldErrors;
}

export function AcceptInvitePage({ action, setup, email, role, boundTo, values, errors }: AcceptInvitePageProps) {
  const { t, tx } = useI18n();
  const labels = { email: t('auth.field.email'), name: t('auth.field.name'), password: t('auth.field.password'), passwordRepeat: t('auth.field.passwordRepeat') };
  const roleName = t(`auth.role.${role}`);
  return (
    <>
      <PageHeader
        title={setup ? t('auth.invite.setupTitle') : t('auth.invite.title')}
        lead={setup ? t('auth.invite.setupLead') : boundTo ? t('auth.invite.leadFor', { role: roleName, boundTo }) : t('auth.invite.lead', { role: roleName })}
      />
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} class="form-narrow">
        {setup ? (
          <TextField name="email" label={labels.email} type="email" autocomplete="username" value={values?.email} errors={errors} required />
        ) : (
          <p class="ds-paragraph">{tx('auth.emailIs', { email: email ?? '', strong: (chunks) => <strong>{chunks}</strong> })}</p>
        )}
        <TextField name="name" label={labels.name} autocomplete="name" value={values?.name} errors={errors} required />
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
        <button class="ds-button" type="submit">
          {setup ? t('auth.invite.setupSubmit') : t('auth.invite.submit')}
        </button>
      </form>
    </>
  );
}
