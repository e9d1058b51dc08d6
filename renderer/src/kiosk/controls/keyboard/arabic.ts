import type { KeyboardLayout } from './layout';

/** The usual Arabic keyboard's letters, right to left, with the hamza forms of alef on their own row. */
export const arabicLayout: KeyboardLayout = {
  id: 'arabic',
  primaryFor: ['ar'],
  lang: 'ar',
  dir: 'rtl',
  sample: 'أبت',
  hasCase: false,
  rows: [
    ['ض', 'ص', 'ث', 'ق', 'ف', 'غ', 'ع', 'ه', 'خ', 'ح', 'ج', 'د'],
    ['ش', 'س', 'ي', 'ب', 'ل', 'ا', 'ت', 'ن', 'م', 'ك', 'ط'],
    ['ئ', 'ء', 'ؤ', 'ر', 'ى', 'ة', 'و', 'ز', 'ظ', 'ذ'],
    ['أ', 'إ', 'آ'],
  ],
};
