import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxHint, systemProbe } from '../../../electron/launcher/sandbox-hint.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-sandbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const noRestriction = { userNamespacesRestricted: () => false };

describe('advice after Electron failed to start on Linux', () => {
  it('reads a chrome-sandbox without the setuid bit, as npm installs it, from the disk and gives the two fix commands', async () => {
    const helper = path.join(dir, 'chrome-sandbox');
    await writeFile(helper, '');
    await chmod(helper, 0o755);
    const lines = sandboxHint(path.join(dir, 'electron'), { ...systemProbe, ...noRestriction });
    expect(lines).toContain(`  sudo chown root:root ${helper}`);
    expect(lines).toContain(`  sudo chmod 4755 ${helper}`);
  });

  it('says nothing about the sandbox where there is no helper and user namespaces are allowed', () => {
    expect(sandboxHint(path.join(dir, 'electron'), { ...systemProbe, ...noRestriction })).toEqual([]);
  });

  it('points to the AppArmor profile where user namespaces are restricted and the helper is fine', () => {
    const lines = sandboxHint('/opt/electron/electron', { stat: () => ({ uid: 0, mode: 0o104755 }), userNamespacesRestricted: () => true });
    expect(lines.join('\n')).toContain('Fix it by allowing Electron with an AppArmor profile');
    expect(lines.join('\n')).not.toContain('chmod');
  });
});
