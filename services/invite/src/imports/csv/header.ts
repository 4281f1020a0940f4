const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^\p{L}]/gu;
const MAX_HEADER_LENGTH = 40;

/** Lower-cased, accents and everything but letters removed: "E-Mail-Adresse" → "emailadresse". */
function headerKey(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTERS, '');
}

// A header containing one of these names the email column whatever surrounds it: "Email Address",
// "E-Mail-Adresse", "Work e-mail", "Courriel", "Correo electrónico", "E-postadress", "Sähköposti", …
const HEADER_STEMS = ['mail', 'courriel', 'correo', 'epost', 'sähköposti', 'почт', 'メール', '邮', '메일'].map(headerKey);

// Whole headers that contain none of the stems.
const HEADER_WORDS = new Set(
  [
    'address', 'addresses', 'recipient', 'recipients', 'invitee', 'invitees', 'to', 'contact', 'user', 'username',
    'login', 'mél', 'adresse', 'adresse électronique', 'adres', 'posta elettronica',
  ].map(headerKey),
);

/** True when the trimmed first cell of the first row names the email column instead of holding an address. */
export function isHeaderCell(cell: string): boolean {
  if (cell === '' || cell.length > MAX_HEADER_LENGTH || cell.includes('@')) return false;
  const key = headerKey(cell);
  if (key === '') return false;
  return HEADER_WORDS.has(key) || HEADER_STEMS.some((stem) => key.includes(stem));
}
