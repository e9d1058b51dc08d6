/**
 * `npm run pin-hash`: reads a PIN on standard input and prints the hash to
 * put in the device config as `admin.pinHash` (docs/configuration.md). The
 * PIN is never echoed when typed at a terminal, and never written anywhere.
 *
 *   npm run pin-hash            (type the PIN, then Enter)
 *   printf '48291375\n' | npm run --silent pin-hash
 */
import { newPinSchema } from '../../../shared/admin.js';
import { parseFlags } from '../command-line.js';
import { hashPin } from './pin-hash.js';

function readPin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let text = '';
    if (input.isTTY) {
      process.stderr.write('Type the admin PIN (8 to 12 digits), then press Enter: ');
      input.setRawMode(true);
    }
    input.setEncoding('utf8');
    const done = (value: string) => {
      if (input.isTTY) {
        input.setRawMode(false);
        process.stderr.write('\n');
      }
      input.pause();
      resolve(value);
    };
    input.on('data', (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') return reject(new Error('cancelled'));
        if (char === '\r' || char === '\n') return done(text);
        if (char === '\u007f' || char === '\b') text = text.slice(0, -1);
        else text += char;
      }
    });
    input.on('end', () => done(text));
  });
}

async function main(): Promise<number> {
  // It takes no flags: the PIN comes on standard input, never on the command line where `ps` would show it.
  parseFlags('npm run pin-hash', process.argv.slice(2), {});
  const parsed = newPinSchema.safeParse((await readPin()).trim());
  if (!parsed.success) {
    process.stderr.write(`No hash was made: ${parsed.error.issues[0]?.message ?? 'invalid PIN'}.\n`);
    return 1;
  }
  process.stdout.write(`${await hashPin(parsed.data)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`No hash was made: ${error.message}\n`);
    process.exit(1);
  },
);
