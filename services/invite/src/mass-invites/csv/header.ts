const COMBINING_MARKS = /\p{M}/gu;
const NON_LETTERS = /[^\p{L}]+/u;
const MAX_HEADER_LENGTH = 40;
const MAX_HEADER_WORDS = 5;

/** Lower-cased words without accents: "E-Mail-Adresse" → ["email", "adresse"] (a lone "e" joins the next word). */
function headerWords(text: string): string[] {
  const words = text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().split(NON_LETTERS).filter(Boolean);
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'e' && i + 1 < words.length) joined.push(`e${words[++i]}`);
    else joined.push(words[i]);
  }
  return joined;
}

/** A vocabulary from whitespace-separated words, normalised like the cells they are compared with. */
const vocabulary = (list: string): Set<string> => new Set(list.trim().split(/\s+/).flatMap(headerWords));

// Words that name the address column; a header holds at least one.
const KEY_WORDS = vocabulary(`
  email emails mail mails emailaddress mailaddress address addresses recipient recipients invitee invitees to
  contact user username login courriel courriels mél adresse emailadresse mailadresse emailadres adres adresa
  correo dirección indirizzo posta endereço epost epostadress epostadresse eposta epostaadresi sähköposti
  sähköpostiosoite emailcím почта адрес メール メールアドレス 电子邮件 电子邮箱 邮箱 邮件 이메일 메일
`);
// Words that may go with them: "Work e-mail", "Adresse électronique", "Dirección de correo", "Email (pro)".
const OTHER_WORDS = vocabulary(`
  the your of id work business office primary main personal private pro de di da do du électronique electrónico
  elettronica eletrônico электронная электронной почты adresse address cím osoite
`);

/** True when the trimmed first cell of the first row names the email column instead of holding an address. */
export function isHeaderCell(cell: string): boolean {
  if (cell === '' || cell.length > MAX_HEADER_LENGTH || cell.includes('@')) return false;
  const words = headerWords(cell);
  if (words.length === 0 || words.length > MAX_HEADER_WORDS) return false;
  return (
    words.some((word) => KEY_WORDS.has(word)) && words.every((word) => KEY_WORDS.has(word) || OTHER_WORDS.has(word))
  );
}
