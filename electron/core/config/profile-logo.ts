import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgencyProfile } from '../../../shared/config.js';
import type { FileProblem } from './read-json-file.js';

/** Big enough for any sensible logo, small enough to travel in every bootstrap. */
export const maxLogoBytes = 200_000;

const mimeTypes = { svg: 'image/svg+xml', png: 'image/png' } as const;

/**
 * A profile's `agency.logo` names a file beside the profile; the screen gets
 * it as a data URL (the page's CSP allows data: images, and nothing has to be
 * served). A logo given inline as `logoDataUrl` wins. A missing or oversized
 * file is a configuration problem naming the file, like any other.
 */
export async function withLogo(profile: AgencyProfile, profileFile: string): Promise<{ profile: AgencyProfile; problem?: FileProblem }> {
  const { logo, logoDataUrl } = profile.agency;
  if (!logo || logoDataUrl) return { profile };
  const file = path.join(path.dirname(profileFile), logo);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { profile, problem: { file: profileFile, message: `agency.logo: cannot read "${logo}" next to the profile (${file})` } };
  }
  if (bytes.length > maxLogoBytes) {
    return {
      profile,
      problem: { file: profileFile, message: `agency.logo: "${logo}" is ${bytes.length} bytes; keep it under ${maxLogoBytes}` },
    };
  }
  const type = mimeTypes[logo.endsWith('.svg') ? 'svg' : 'png'];
  return { profile: { ...profile, agency: { ...profile.agency, logoDataUrl: `data:${type};base64,${bytes.toString('base64')}` } } };
}
