import { Button } from '@/components/ui/button';
import { SignOutForm } from './sign-out-form';

/** Ends the Portico session and shows the signed-out page (after the apps' front-channel logout). */
export function SignOutButton() {
  return (
    <SignOutForm>
      <Button variant="secondary" type="submit">
        Sign out
      </Button>
    </SignOutForm>
  );
}
