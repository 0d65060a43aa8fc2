import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { forgotPassword } from './actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
        <p className="text-sm text-zinc-700">Enter the email of your account and we will send you a link to choose a new password.</p>
      </header>
      <ForgotPasswordForm action={forgotPassword} />
      <p className="text-sm text-zinc-700">
        Remembered it? <TextLink href="/login">Sign in</TextLink>
      </p>
    </Card>
  );
}
