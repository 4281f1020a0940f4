import { isHeaderCell } from './header';

describe('isHeaderCell', () => {
  it.each([
    'Email',
    'email',
    'EMAIL',
    'E-mail',
    'E-Mail',
    'Emails',
    'E-mail address',
    'Email Address',
    'email_address',
    'mail',
    'Mail address',
    'Work e-mail',
    'Email (work)',
    'Courriel',
    'Adresse e-mail',
    'Adresse électronique',
    'Mél',
    'E-Mail-Adresse',
    'Mailadresse',
    'Correo electrónico',
    'Dirección de correo',
    'Indirizzo email',
    'Posta elettronica',
    'E-postadress',
    'Sähköposti',
    'Endereço de e-mail',
    'Adres e-mail',
    'Электронная почта',
    'メールアドレス',
    '电子邮件',
    '이메일',
    'Address',
    'Recipient',
  ])('takes %p for a header', (cell) => {
    expect(isHeaderCell(cell)).toBe(true);
  });

  it.each(['', 'a@example.com', 'Name', 'First name', 'not-an-email', '12345', '=HYPERLINK("x")', 'Email'.repeat(10)])(
    'does not take %p for a header',
    (cell) => {
      expect(isHeaderCell(cell)).toBe(false);
    },
  );
});
