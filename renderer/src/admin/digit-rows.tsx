import { KeyButton } from '../kiosk/controls/keyboard/key-button';

const digitRows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/** The 1–9 rows of the admin keypads (the PIN, a pairing code, a desk address); each keypad adds its own last row. */
export function DigitRows({ onDigit }: { onDigit: (digit: string) => void }) {
  return (
    <>
      {digitRows.map((row) => (
        <div className="osk__row" key={row.join('')}>
          {row.map((digit) => (
            <KeyButton key={digit} onPress={() => onDigit(digit)}>
              {digit}
            </KeyButton>
          ))}
        </div>
      ))}
    </>
  );
}
