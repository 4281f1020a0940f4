import { SignupPreview } from '@gatehouse/contracts';
import { escapeHtml } from '../html';
import { checkInboxPage, confirmSignupPage, signInLink } from './join.page';

const hostile = `<script>alert("x")</script>&'`;

const preview: SignupPreview = {
  status: 'pending',
  email: 'nia@example.com',
  displayName: `Nia ${hostile}`,
  hubName: `Falcon ${hostile}`,
  userType: 'TEAM_MEMBER',
  expiresAt: '2030-01-15T10:05:00.000Z',
};

describe('sign-up pages of a registration link', () => {
  it('"check your inbox" names the address, the Hub and until when the link works, escaped', () => {
    const page = checkInboxPage({ email: 'nia@example.com', hubName: preview.hubName, expiresAt: preview.expiresAt });
    expect(page).not.toContain('<script>');
    expect(page).toContain('Check your inbox: we sent a link to confirm <strong>nia@example.com</strong>');
    expect(page).toContain(escapeHtml(preview.hubName));
    expect(page).toContain('15 January 2030, 10:05 UTC');
  });

  it('the confirm page says what confirming does and asks for the password, with every value escaped', () => {
    const page = confirmSignupPage(preview, { error: `Wrong ${hostile}` });
    expect(page).not.toContain('<script>');
    expect(page).toContain('<strong>nia@example.com</strong>');
    expect(page).toContain(escapeHtml(preview.displayName));
    expect(page).toContain(escapeHtml(preview.hubName));
    expect(page).toContain('a Team Member');
    expect(page).toContain(`Wrong ${escapeHtml(hostile)}`);
    expect(page).toContain('<form method="post">');
    expect(page).toMatch(/name="password"\s+type="password"/);
    expect(page).not.toContain('name="email"');
  });

  it('links to sign-in with the address in the query, encoded', () => {
    expect(signInLink('a+b@example.com').markup).toContain('href="/?email=a%2Bb%40example.com"');
  });
});
