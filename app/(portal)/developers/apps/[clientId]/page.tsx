import { AppSettingsForm } from '@/components/portal/app-settings-form';
import { LogoUploader } from '@/components/portal/logo-uploader';
import { Section } from '@/components/portal/page-header';
import { loadApp } from '../../../_lib/load-app';
import { isAdministrator } from '../../../_lib/session';
import { removeLogo, saveSettings, uploadLogo } from './actions';

export default async function AppSettingsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app, db, actor } = await loadApp((await params).clientId);
  const isAdmin = await isAdministrator(db, actor.userId);
  return (
    <div className="space-y-6">
      <h2 className="sr-only">Settings</h2>
      <Section id="logo" title="Logo" description="Shown beside the app’s name when users sign in.">
        <LogoUploader app={{ id: app.id, name: app.name, logoUri: app.logoUri, role: app.role }} upload={uploadLogo} remove={removeLogo} />
      </Section>
      <AppSettingsForm app={app} isAdmin={isAdmin} action={saveSettings} />
    </div>
  );
}
