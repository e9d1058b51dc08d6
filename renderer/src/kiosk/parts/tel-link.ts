/** A tel: link for a phone number as people write it ("1-800-662-4357"): digits and a leading + only. */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/(?!^\+)\D/g, '')}`;
}
