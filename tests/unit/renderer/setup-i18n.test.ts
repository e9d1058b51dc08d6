import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../../renderer/src/i18n/setup-i18n';
import type { AgencyProfile } from '../../../shared/config';
import { resourcesDir } from '../support/temp-config';

const shipped = JSON.parse(readFileSync(path.join(resourcesDir, 'profiles', 'safe-passage-lees-summit.json'), 'utf8')) as AgencyProfile;
const title = 'Need help with drugs or alcohol?';

describe("the kiosk's words and a profile's overrides", () => {
  it('an override shows in its own language, and neither outlives its configuration nor reaches another language', async () => {
    const overridden = { ...shipped, textOverrides: { en: { 'kiosk:welcome.title': 'Ask us for help' } } };
    const withOverride = await setupI18n({ language: 'en', profile: overridden, load: ['common', 'kiosk', 'controls'] });
    expect(withOverride.t('kiosk:welcome.title')).toBe('Ask us for help');
    expect(withOverride.t('kiosk:welcome.title', { lng: 'es' })).not.toBe('Ask us for help');
    // The words are shared between setups, except the bundle an override writes into: the next setup has the original.
    const after = await setupI18n({ language: 'en', profile: shipped, load: ['common', 'kiosk', 'controls'] });
    expect(after.t('kiosk:welcome.title')).toBe(title);
    expect(withOverride.t('kiosk:welcome.title')).toBe('Ask us for help');
  });
});
