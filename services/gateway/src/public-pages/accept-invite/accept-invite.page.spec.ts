import { InvitePreview } from '@gatehouse/contracts';
import {
  acceptFormPage,
  acceptedPage,
  accountExistsPage,
  closedInvitePage,
  unknownInvitePage,
} from './accept-invite.page';
import { escapeHtml, html } from '../html';

const hostile = `<script>alert("x")</script>&'`;

const preview: InvitePreview = {
  status: 'pending',
  email: 'grace@example.com',
  hubName: `Falcon ${hostile}`,
  inviterName: `Ada ${hostile}`,
  userType: 'EXTERNAL_MEMBER',
  expiresAt: '2030-01-15T10:00:00.000Z',
};

describe('accept invite pages', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(html`<p>${hostile}</p>`.markup).toBe(`<p>${escapeHtml(hostile)}</p>`);
    expect(html`<div>${html`<b>${hostile}</b>`}</div>`.markup).toBe(`<div><b>${escapeHtml(hostile)}</b></div>`);
  });

  it('shows the Hub, the inviter, the address read-only and a form, with every value escaped', () => {
    const page = acceptFormPage(preview, { displayName: `Grace ${hostile}`, error: `Too weak ${hostile}` });
    expect(page).not.toContain('<script>');
    expect(page).toContain(escapeHtml(preview.hubName));
    expect(page).toContain(escapeHtml(preview.inviterName));
    expect(page).toMatch(/<input id="email" type="email" value="grace@example.com" readonly\s*\/?>/);
    expect(page).not.toMatch(/name="email"/); // shown, never submitted
    expect(page).toContain('name="displayName"');
    expect(page).toContain(`value="Grace ${escapeHtml(hostile)}"`);
    expect(page).toMatch(/name="password"\s+type="password"/);
    expect(page).toContain(`role="alert">Too weak ${escapeHtml(hostile)}</p>`);
    expect(page).toMatch(/<form method="post">/);
    expect(page).toContain('an External Member');
    expect(page).toContain('15 January 2030');
    expect(page).toContain('<form method="post">');
  });

  it('says plainly why a closed invite cannot be used, and what to do', () => {
    expect(closedInvitePage('expired', preview)).toMatch(/has expired[\s\S]*invite you again/);
    expect(closedInvitePage('revoked', null)).toMatch(/was withdrawn[\s\S]*invite you again/);
    expect(closedInvitePage('accepted', preview)).toMatch(/already been used[\s\S]*Sign in/);
    expect(unknownInvitePage()).toMatch(/not valid[\s\S]*new invite/);
    expect(accountExistsPage(preview)).toMatch(/already have an account[\s\S]*Sign in/);
    for (const page of [closedInvitePage('expired', preview), accountExistsPage(preview)]) {
      expect(page).not.toContain('<script>');
    }
  });

  it('lists every Hub the new account joined, and the ones still being set up', () => {
    const page = acceptedPage({
      account: {
        id: 'a',
        email: 'grace@example.com',
        displayName: `Grace ${hostile}`,
        isOperator: false,
        createdAt: '',
      },
      hubId: 'h1',
      memberships: [
        { hubId: 'h1', hubName: 'Falcon', userType: 'TEAM_MEMBER', granted: true },
        { hubId: 'h2', hubName: `Osprey ${hostile}`, userType: 'EXTERNAL_MEMBER', granted: false },
      ],
    });
    expect(page).not.toContain('<script>');
    expect(page).toMatch(/<li><strong>Falcon<\/strong> \(a Team Member\)<\/li>/);
    expect(page).toMatch(/still being set up/);
  });
});
