import { create } from 'qrcode';
import { useMemo } from 'react';

/** The quiet zone the QR standard asks for around the code, in modules. */
const quietZone = 4;

/**
 * A QR code drawn as SVG elements from the module matrix (no innerHTML, no
 * canvas): one path with a unit square per dark module, scaled by viewBox.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const modules = create(text, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) d += `M${col + quietZone} ${row + quietZone}h1v1h-1z`;
      }
    }
    return { size: modules.size + quietZone * 2, path: d };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
