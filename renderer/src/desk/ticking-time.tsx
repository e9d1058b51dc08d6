import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { onEverySecond } from './second-ticker';

/**
 * A `<time>` whose words follow the clock ("4 min 05 sec") without
 * re-rendering anything: each second the shared ticker rewrites this one
 * text node, and only when its words changed. The node is React's own, so a
 * later render (a new language) still updates the same node; after each
 * render it is brought up to the current second before the frame is drawn.
 */
export function TickingTime({ dateTime, field, text }: { dateTime: string; field?: string; text: (now: number) => string }) {
  const ref = useRef<HTMLTimeElement>(null);
  const latest = useRef(text);
  const [mountedAt] = useState(() => Date.now());
  useLayoutEffect(() => {
    latest.current = text;
    showAt(ref.current, text, Date.now());
  });
  useEffect(() => onEverySecond((now) => showAt(ref.current, latest.current, now)), []);
  return (
    <time ref={ref} dateTime={dateTime} data-field={field}>
      {text(mountedAt)}
    </time>
  );
}

function showAt(element: HTMLTimeElement | null, text: (now: number) => string, now: number): void {
  const node = element?.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return;
  const next = text(now);
  if (node.nodeValue !== next) node.nodeValue = next;
}
