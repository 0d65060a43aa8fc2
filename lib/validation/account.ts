/**
 * The end-user password forms (forgot, reset, change) and the email change. New passwords and
 * emails use the one rule of user.ts; the current password is only required.
 */
import { z } from 'zod';
import { emailField, newPasswordField } from './user.ts';

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({
  token: z.string().min(1, 'This link is not valid. Open the link from the email again.'),
  password: newPasswordField,
});
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.'),
  newPassword: newPasswordField,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const changeEmailSchema = z.object({
  newEmail: emailField,
  currentPassword: z.string().min(1, 'Enter your current password.'),
});
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;
