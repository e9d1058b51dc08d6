/** A ring that empties as the countdown runs; decoration only (the number beside it carries the meaning). */
export function CountdownRing({ remaining, total }: { remaining: number; total: number }) {
  const circumference = 2 * Math.PI * 45;
  const left = Math.max(0, Math.min(1, remaining / total));
  return (
    <svg className="idle__ring" viewBox="0 0 100 100" data-testid="countdown-ring" focusable="false">
      <circle className="idle__ring-track" cx="50" cy="50" r="45" />
      <circle
        className="idle__ring-progress"
        cx="50"
        cy="50"
        r="45"
        strokeDasharray={circumference}
        strokeDashoffset={circumference * (1 - left)}
      />
    </svg>
  );
}
