import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import type { InviteEmailVars, MemberAddedEmailVars, SignupConfirmEmailVars } from './email-templates';
import { TemplateRenderer } from './template-renderer';
import { defaultTemplatesDir } from './templates-dir';

const invite: InviteEmailVars = {
  hubName: 'Apollo Design',
  inviterName: 'Ada Lovelace',
  inviteeEmail: 'grace@example.com',
  acceptUrl: 'https://gatehouse.example/invites/accept?token=abc123',
  expiresAt: '2026-12-10T16:30:00.000Z',
  userType: 'EXTERNAL_MEMBER',
};

const memberAdded: MemberAddedEmailVars = {
  hubName: 'Apollo Design',
  memberEmail: 'alan@example.com',
  userType: 'TEAM_MEMBER',
  signInUrl: 'https://gatehouse.example/sign-in',
  addedByName: 'Ada Lovelace',
};

const signupConfirm: SignupConfirmEmailVars = {
  hubName: 'Apollo Design',
  displayName: 'Grace <Hopper>',
  signupEmail: 'grace@example.com',
  confirmUrl: 'https://gatehouse.example/join/confirm/abc123',
  expiresAt: '2026-12-10T16:30:00.000Z',
  userType: 'EXTERNAL_MEMBER',
};

const FOOTER = 'This message was sent by Gatehouse.';
const APPENDIX = 'Questions? Call the service desk on 555-0100.\nOffice hours: 9 to 5.';

/** The visible text of an HTML fragment, roughly: tags dropped, whitespace collapsed. */
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('TemplateRenderer', () => {
  const renderer = new TemplateRenderer();

  describe('invite', () => {
    const email = renderer.render('invite', invite);

    it('has a subject naming the inviter and the Hub', () => {
      expect(email.subject).toBe('Ada Lovelace invited you to Apollo Design on Gatehouse');
    });

    it.each(['html', 'text'] as const)('%s part has hub, inviter, link, expiry and user type in words', (part) => {
      const body = email[part];
      expect(body).toContain('Apollo Design');
      expect(body).toContain('Ada Lovelace');
      expect(body).toContain(part === 'html' ? Handlebars.Utils.escapeExpression(invite.acceptUrl) : invite.acceptUrl);
      expect(body).toContain('10 December 2026');
      expect(body).toContain('External Member');
      expect(body).toContain('grace@example.com');
      expect(body).toContain(FOOTER);
    });

    it('HTML has an accept button and the plain link, both to the accept URL', () => {
      const links = [...email.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)];
      expect(links.map((m) => m[2])).toEqual(['Accept invite', expect.stringContaining('https://gatehouse.example')]);
      for (const [, href] of links) {
        expect(Handlebars.Utils.escapeExpression(invite.acceptUrl)).toBe(href);
      }
    });

    it('says "a Team Member" for team invites', () => {
      const team = renderer.render('invite', { ...invite, userType: 'TEAM_MEMBER' });
      expect(visible(team.html)).toContain('as a Team Member.');
      expect(team.text).toContain('as a Team Member.');
    });

    it('shows the expiry date in UTC, whatever the time of day, and accepts a Date', () => {
      const late = renderer.render('invite', { ...invite, expiresAt: new Date('2026-12-10T23:59:59Z') });
      expect(late.text).toContain('expires on 10 December 2026.');
    });

    it('escapes HTML in names in the HTML part and leaves the text part unescaped', () => {
      const hostile = renderer.render('invite', {
        ...invite,
        hubName: '<script>alert(1)</script>',
        inviterName: 'Eve <img src=x onerror=alert(1)>',
      });
      expect(hostile.html).not.toContain('<script>');
      expect(hostile.html).not.toContain('<img');
      expect(hostile.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(hostile.html).toContain('Eve &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(hostile.text).toContain('<script>alert(1)</script>');
      expect(hostile.subject).toBe(
        'Eve <img src=x onerror=alert(1)> invited you to <script>alert(1)</script> on Gatehouse',
      );
    });

    it('never lets CR/LF in the inviter name reach the subject', () => {
      const injected = renderer.render('invite', { ...invite, inviterName: 'Eve\r\nBcc: victim@example.com\r\n\r\n' });
      expect(injected.subject).not.toMatch(/[\r\n]/);
      expect(injected.subject).toBe('Eve Bcc: victim@example.com invited you to Apollo Design on Gatehouse');
    });

    it('shows template syntax in names literally', () => {
      const curly = renderer.render('invite', { ...invite, hubName: '{{inviterName}} {{#each x}}' });
      expect(curly.subject).toContain('{{inviterName}} {{#each x}}');
      expect(curly.text).toContain('{{inviterName}} {{#each x}}');
    });

    it('refuses a link that is not an absolute http(s) URL', () => {
      expect(() => renderer.render('invite', { ...invite, acceptUrl: 'javascript:alert(1)' })).toThrow(/http\(s\)/);
      expect(() => renderer.render('invite', { ...invite, acceptUrl: '/invites/accept' })).toThrow(/absolute/);
    });

    it('refuses an invalid expiry date', () => {
      expect(() => renderer.render('invite', { ...invite, expiresAt: 'soon' })).toThrow(/valid date/);
    });

    it('only passes the documented vars to the templates', () => {
      const extra = { ...invite, otherInvitees: ['secret@example.com'] } as InviteEmailVars;
      const rendered = renderer.render('invite', extra);
      expect(rendered).toEqual(email);
    });
  });

  describe('invite message appendix', () => {
    const withAppendix = renderer.render('invite', invite, { appendix: APPENDIX });
    const withoutAppendix = renderer.render('invite', invite);

    it('is the last content of the HTML part, after the footer, with line breaks as <br>', () => {
      const html = withAppendix.html;
      const start = html.indexOf('Questions? Call');
      expect(start).toBeGreaterThan(html.indexOf(FOOTER));
      expect(start).toBeGreaterThan(html.indexOf('Accept invite'));
      expect(html).toContain('Questions? Call the service desk on 555-0100.<br>\nOffice hours: 9 to 5.');
      const after = html.slice(html.indexOf('Office hours: 9 to 5.') + 'Office hours: 9 to 5.'.length);
      expect(visible(after)).toBe('');
    });

    it('is the last content of the text part, as is', () => {
      expect(withAppendix.text.endsWith(`${FOOTER} Replies to this address are not read.\n\n${APPENDIX}\n`)).toBe(true);
    });

    it('is escaped in HTML and shown as is in text', () => {
      const hostile = renderer.render('invite', invite, { appendix: '<script>alert("x")</script>\n<b>bold</b>' });
      expect(hostile.html).not.toContain('<script>');
      expect(hostile.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>\n&lt;b&gt;bold&lt;/b&gt;');
      expect(hostile.text).toContain('<script>alert("x")</script>\n<b>bold</b>\n');
    });

    it('is never evaluated as a template', () => {
      const appendix = 'Hello {{inviterName}} {{{acceptUrl}}} {{> footer}} {{#if x}}y{{/if}}';
      const rendered = renderer.render('invite', invite, { appendix });
      expect(rendered.text.trimEnd().endsWith(appendix)).toBe(true);
      expect(rendered.html).toContain(Handlebars.Utils.escapeExpression(appendix));
      expect(rendered.html).toContain('Hello {{inviterName}} {{{acceptUrl}}}');
    });

    it('keeps CRLF line breaks as line breaks', () => {
      const rendered = renderer.render('invite', invite, { appendix: 'one\r\ntwo\rthree' });
      expect(rendered.html).toContain('one<br>\ntwo<br>\nthree');
      expect(rendered.text.endsWith('\n\none\ntwo\nthree\n')).toBe(true);
    });

    it.each([null, undefined, '', '   \n\t  '])('appends nothing when off or blank (%j)', (appendix) => {
      const rendered = renderer.render('invite', invite, { appendix });
      expect(rendered).toEqual(withoutAppendix);
      expect(rendered.text.endsWith('Replies to this address are not read.\n')).toBe(true);
      // no empty wrapper: the footer row closes the card
      expect(rendered.html).toMatch(/not read\.\s*<\/td>\s*<\/tr>\s*<\/table>/);
    });

    it('does not apply to member-added emails', () => {
      const rendered = renderer.render('member-added', memberAdded, { appendix: APPENDIX });
      expect(rendered.html).not.toContain('Questions?');
      expect(rendered.text).not.toContain('Questions?');
    });
  });

  describe('member-added', () => {
    const email = renderer.render('member-added', memberAdded);

    it('has a "you were added" subject', () => {
      expect(email.subject).toBe('You were added to Apollo Design on Gatehouse');
    });

    it.each(['html', 'text'] as const)(
      '%s part has the hub, user type in words, who added and sign-in link',
      (part) => {
        const body = email[part];
        expect(body).toContain('You were added to Apollo Design');
        expect(body).toContain('as a Team Member');
        expect(body).toContain('Ada Lovelace');
        expect(body).toContain('alan@example.com');
        expect(body).toContain(memberAdded.signInUrl);
      },
    );

    it('renders through renderEmail() with the { template, vars } union', () => {
      expect(renderer.renderEmail({ template: 'member-added', vars: memberAdded })).toEqual(email);
    });
  });

  describe('signup-confirm', () => {
    const email = renderer.render('signup-confirm', signupConfirm);

    it('has a subject asking to confirm the address for the Hub', () => {
      expect(email.subject).toBe('Confirm your email address to join Apollo Design on Gatehouse');
    });

    it.each(['html', 'text'] as const)(
      '%s part has the Hub, the name, the address, the link and its expiry',
      (part) => {
        const body = email[part];
        expect(body).toContain('Apollo Design');
        expect(body).toContain(part === 'html' ? 'Grace &lt;Hopper&gt;' : 'Grace <Hopper>');
        expect(body).toContain('grace@example.com');
        expect(body).toContain(signupConfirm.confirmUrl);
        expect(body).toContain('10 December 2026, 16:30 UTC');
        expect(body).toContain('an External Member');
        expect(body).toContain('If you did not sign up, ignore this email');
        expect(body).toContain(FOOTER);
      },
    );

    it('HTML has a confirm button and the plain link, both to the confirm URL', () => {
      const links = [...email.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)];
      expect(links.map((m) => m[2])).toEqual(['Confirm email address', signupConfirm.confirmUrl]);
      for (const [, href] of links) expect(href).toBe(Handlebars.Utils.escapeExpression(signupConfirm.confirmUrl));
    });

    it('never carries the tenancy appendix: it is not an invite', () => {
      expect(renderer.render('signup-confirm', signupConfirm, { appendix: APPENDIX })).toEqual(email);
    });

    it('refuses a confirm link that is not http(s)', () => {
      expect(() => renderer.render('signup-confirm', { ...signupConfirm, confirmUrl: 'javascript:alert(1)' })).toThrow(
        /confirmUrl must be an http\(s\) URL/,
      );
    });
  });

  describe('construction', () => {
    it('uses private Handlebars instances, leaving the global one untouched', () => {
      expect(Handlebars.helpers).not.toHaveProperty('appendixHtml');
      expect(Handlebars.helpers).not.toHaveProperty('dateInWords');
      expect(Handlebars.partials).not.toHaveProperty('footer');
    });

    it('can be pointed at a templates directory and fails clearly when a template is missing', () => {
      expect(() => new TemplateRenderer(defaultTemplatesDir())).not.toThrow();
      expect(() => new TemplateRenderer('/nonexistent/templates')).toThrow(
        /Email template missing or unreadable: .*footer\.html\.hbs/,
      );
    });

    it('fails at construction when a shipped template does not parse', () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-broken-'));
      try {
        fs.cpSync(defaultTemplatesDir(), copy, { recursive: true });
        fs.writeFileSync(path.join(copy, 'member-added.txt.hbs'), 'Hello {{#if hubName}} never closed');
        expect(() => new TemplateRenderer(copy)).toThrow(/member-added\.txt\.hbs does not parse/);
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    });
  });

  describe('shipped templates', () => {
    const dir = defaultTemplatesDir();
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.hbs'));

    it('use triple-stash only for the rendered body in the HTML layout', () => {
      const tripleStash = files.flatMap((f) =>
        [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/\{\{\{[^}]*\}\}\}|\{\{&/g)].map(
          (m) => `${f}: ${m[0]}`,
        ),
      );
      expect(tripleStash).toEqual([`${path.join('layouts', 'email.html.hbs')}: {{{body}}}`]);
    });

    it('include no template for a revoked invite (silent by design)', () => {
      expect(files.filter((f) => /revok/i.test(f))).toEqual([]);
    });
  });
});
