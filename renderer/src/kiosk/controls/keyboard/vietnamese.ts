import type { KeyboardLayout } from './layout';

/**
 * QWERTY with the Vietnamese letters, and a row of the five tone marks. A tone
 * key adds its combining mark to the last vowel and the result is composed to
 * NFC, so "ê" then "ngã" gives the single character "ễ".
 */
export const vietnameseLayout: KeyboardLayout = {
  id: 'vietnamese',
  primaryFor: ['vi'],
  lang: 'vi',
  dir: 'ltr',
  sample: 'ĂÂĐ',
  hasCase: true,
  rows: [
    ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
    ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
    ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
    ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'],
  ],
  tones: [
    { mark: '\u0300', sample: 'à', nameKey: 'keyboard.tone.huyen' },
    { mark: '\u0301', sample: 'á', nameKey: 'keyboard.tone.sac' },
    { mark: '\u0309', sample: 'ả', nameKey: 'keyboard.tone.hoi' },
    { mark: '\u0303', sample: 'ã', nameKey: 'keyboard.tone.nga' },
    { mark: '\u0323', sample: 'ạ', nameKey: 'keyboard.tone.nang' },
  ],
};
