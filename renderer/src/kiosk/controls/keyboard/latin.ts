import type { KeyboardLayout } from './layout';

/** QWERTY with the accented letters of Spanish names (and many others). */
export const latinLayout: KeyboardLayout = {
  id: 'latin',
  primaryFor: ['en', 'es'],
  lang: 'en',
  dir: 'ltr',
  sample: 'ABC',
  hasCase: true,
  rows: [
    ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
    ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ñ'],
    ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
    ['á', 'é', 'í', 'ó', 'ú', 'ü'],
  ],
};
