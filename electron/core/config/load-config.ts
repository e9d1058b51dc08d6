import path from 'node:path';
import { z } from 'zod';
import { agencyProfileSchema, deviceConfigSchema, type AgencyProfile, type DeviceConfig } from '../../../shared/config.js';
import type { LanguageInfo } from '../../../shared/bootstrap.js';
import { withLogo } from './profile-logo.js';
import { readJsonFile, type FileProblem } from './read-json-file.js';

export type ConfigPaths = {
  deviceConfig: string;
  agencyProfile: string;
  /** resources/locales: holds languages.json and one folder per language. */
  localesDir: string;
};

export type LoadedConfig =
  | { ok: true; device: DeviceConfig; profile: AgencyProfile; languages: LanguageInfo[] }
  | { ok: false; problems: FileProblem[]; device?: DeviceConfig; profile?: AgencyProfile; languages: LanguageInfo[] };

const languagesSchema = z.array(z.object({ code: z.string().min(2), nativeName: z.string().min(1), dir: z.enum(['ltr', 'rtl']) }).strict());

/** A last resort so the out-of-service screen can still speak when languages.json itself is broken. */
const englishOnly: LanguageInfo[] = [{ code: 'en', nativeName: 'English', dir: 'ltr' }];

/**
 * Loads and validates both configuration layers. Never throws: whatever is
 * wrong is returned as a list of problems naming the file and field, and the
 * parts that were valid are returned too so the fallback screen can use them.
 */
export async function loadConfig(paths: ConfigPaths): Promise<LoadedConfig> {
  const [device, profile, languageList] = await Promise.all([
    readJsonFile(paths.deviceConfig, deviceConfigSchema),
    readJsonFile(paths.agencyProfile, agencyProfileSchema),
    readJsonFile(path.join(paths.localesDir, 'languages.json'), languagesSchema),
  ]);
  const problems: FileProblem[] = [];
  if (!device.ok) problems.push(...device.problems);
  if (!profile.ok) problems.push(...profile.problems);
  if (!languageList.ok) problems.push(...languageList.problems);

  const known = languageList.ok ? languageList.value : englishOnly;
  let languages = known;
  if (profile.ok) {
    const unknown = profile.value.languages.enabled.filter((code) => !known.some((l) => l.code === code));
    for (const code of unknown) {
      problems.push({
        file: paths.agencyProfile,
        message: `languages.enabled: "${code}" has no translations in ${paths.localesDir}`,
      });
    }
    const enabled = profile.value.languages.enabled;
    languages = enabled.flatMap((code) => known.filter((l) => l.code === code));
  }

  const deviceValue = device.ok ? device.value : undefined;
  let profileValue = profile.ok ? profile.value : undefined;
  if (profileValue) {
    const logo = await withLogo(profileValue, paths.agencyProfile);
    profileValue = logo.profile;
    if (logo.problem) problems.push(logo.problem);
  }
  if (problems.length === 0 && deviceValue && profileValue) {
    return { ok: true, device: deviceValue, profile: profileValue, languages };
  }
  return { ok: false, problems, device: deviceValue, profile: profileValue, languages: languages.length ? languages : englishOnly };
}
