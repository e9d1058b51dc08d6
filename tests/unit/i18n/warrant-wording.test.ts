/**
 * CONTENT.md "Warrants: say less than the news did": the kiosk must never
 * promise that a warrant is waived or that nobody is arrested. It says: tell
 * the officer; it does not stop you getting help; the officer explains what
 * happens next. (Drugs turned in bring no charges: that promise is true and allowed.)
 */
import { describe, expect, it } from 'vitest';
import { languages, namespaceFiles, shippedProfiles, strings } from './locale-strings.js';

/** Promises about warrants or arrest, per language, matched case-insensitively. */
export const forbiddenPromises: Record<string, RegExp[]> = {
  en: [
    /\bwaiv(e|es|ed|er|ers|ing)\b/i,
    /\bno arrests?\b/i,
    /\bnot (be |get |getting )?arrested\b/i,
    /\b(won't|never) (be |get )?arrested\b/i,
    /\bwarrants? (is |are |will be |gets? )?(cleared|dropped|lifted|cancell?ed|removed|forgiven)\b/i,
    /\bimmun(e|ity)\b/i,
  ],
  es: [
    /\brenunci/i,
    /\bsin (arresto|detención|detencion)\b/i,
    /\bno (le |lo |la |los )?(van a |vamos a |va a |podemos |pueden )?(arrestar|detener)/i,
    /\bno ser[áa] (arrestad|detenid)/i,
    /\b(anula|cancela|retira|levanta|perdona|borra)\w* (la |su |las |sus )?órden(es)? de (arresto|detención)/i,
    /\b(anula|cancela|retira|levanta|perdona|borra)\w* (la |su |las |sus )?orden(es)? de (arresto|detención)/i,
    /\binmunidad\b/i,
  ],
  ar: [
    /لن (يتم القبض|يُقبض|يقبض|تُعتقل|تعتقل|يتم اعتقال|تُوقَف|توقف)/,
    /(إلغاء|إسقاط|التنازل عن) (مذكرة|المذكرة|مذكرات)/,
    /(دون|بدون) (اعتقال|توقيف|قبض)/,
    /حصانة/,
  ],
  vi: [/không (bị|ai) bắt/i, /miễn (truy cứu|lệnh|trách nhiệm|tội)/i, /(hủy|xóa|bỏ)( bỏ)? lệnh bắt/i, /không bị (giam|tạm giữ)/i],
};

/** Every string in every language and every text override in the shipped profiles. */
function everyString(): Array<{ where: string; language: string; text: string }> {
  const all: Array<{ where: string; language: string; text: string }> = [];
  for (const language of languages) {
    for (const file of namespaceFiles) {
      for (const [key, text] of Object.entries(strings(language, file))) all.push({ where: `${language}/${file} ${key}`, language, text });
    }
  }
  for (const { file, json } of shippedProfiles()) {
    for (const [language, overrides] of Object.entries(json.textOverrides ?? {})) {
      for (const [key, text] of Object.entries(overrides)) all.push({ where: `profile ${file} ${language} ${key}`, language, text });
    }
  }
  return all;
}

describe('warrant wording', () => {
  it('every language has a list of forbidden promises', () => {
    for (const language of languages) expect(forbiddenPromises[language], language).toBeDefined();
  });

  it('no string in any language, nor any shipped profile override, promises a waiver or no arrest', () => {
    for (const { where, language, text } of everyString()) {
      for (const pattern of forbiddenPromises[language] ?? []) expect(text, where).not.toMatch(pattern);
    }
  });

  it('English says what CONTENT.md says about warrants, and no more', () => {
    expect(strings('en', 'kiosk.json')['faq.topics.arrest.warrant']).toBe(
      'If you have a warrant, tell the officer. It does not stop you from getting help. The officer will explain what happens next.',
    );
  });

  it('the lists catch the promises they are for', () => {
    const caught = (language: string, text: string) => (forbiddenPromises[language] ?? []).some((pattern) => pattern.test(text));
    expect(caught('en', 'Warrants can be waived for non-violent felonies.')).toBe(true);
    expect(caught('en', 'You will not be arrested.')).toBe(true);
    expect(caught('en', "You won't get arrested for a warrant.")).toBe(true);
    expect(caught('en', 'No arrest, no questions.')).toBe(true);
    expect(caught('es', 'No le van a arrestar.')).toBe(true);
    expect(caught('es', 'Anulamos su orden de arresto.')).toBe(true);
    expect(caught('ar', 'لن يتم القبض عليك.')).toBe(true);
    expect(caught('vi', 'Bạn sẽ không bị bắt.')).toBe(true);
    // The true promise about what is turned in stays allowed.
    expect(caught('en', 'You will not be charged for drugs or needles you turn in.')).toBe(false);
    expect(caught('vi', 'Hoàn toàn miễn phí.')).toBe(false);
  });
});
