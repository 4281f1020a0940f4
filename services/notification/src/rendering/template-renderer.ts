import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import Handlebars from 'handlebars';
import { appendixToHtml, normalizeAppendix } from './appendix';
import {
  EMAIL_TEMPLATE_NAMES,
  type EmailTemplate,
  type EmailTemplateName,
  type EmailVars,
  type RenderOptions,
  type RenderedEmail,
  type UserType,
} from './email-templates';
import { formatDateInWords, formatDateTimeInWords, formatUserType, formatUserTypeWithArticle } from './format';
import { sanitizeHeaderText } from './header-text';

/** Nest injection token for the templates directory; when not provided the constructor default applies. */
export const EMAIL_TEMPLATES_DIR = Symbol('EMAIL_TEMPLATES_DIR');

type Compiled = Handlebars.TemplateDelegate;
type Part = 'html' | 'txt';
interface MessageTemplates {
  subject: Compiled;
  html: Compiled;
  text: Compiled;
}

// `strict`: a template that names a variable the renderer does not provide fails loudly instead of
// rendering an empty string. HTML keeps Handlebars' escaping on for every {{variable}}.
const HTML_OPTIONS: CompileOptions = { strict: true };
// The plain-text part and the subject are not HTML: no entity escaping there.
const TEXT_OPTIONS: CompileOptions = { strict: true, noEscape: true };

/**
 * Renders the notification emails (subject, HTML part, plain-text part) from the Handlebars
 * templates we ship. Pure: no I/O after construction, no sending.
 *
 * Every template is read and compiled once, here, on private `Handlebars.create()` instances (one for
 * HTML, one for text); helpers and partials never touch the global instance. Only files from the
 * templates directory are ever compiled: values such as names and the tenant's appendix are data,
 * never template source.
 *
 * Templates directory: tsc does not copy the .hbs files, so the build copies
 * `services/notification/src/templates` next to the compiled code
 * (`dist/services/notification/src/templates`), which is where the default points. Without that copy
 * step, pass `defaultTemplatesDir()` (or provide EMAIL_TEMPLATES_DIR in the Nest module).
 */
@Injectable()
export class TemplateRenderer {
  private readonly htmlHbs = Handlebars.create();
  private readonly textHbs = Handlebars.create();
  private readonly layouts: { html: Compiled; text: Compiled };
  private readonly messages: Record<EmailTemplateName, MessageTemplates>;

  constructor(@Optional() @Inject(EMAIL_TEMPLATES_DIR) templatesDir: string = path.join(__dirname, '..', 'templates')) {
    const read = (file: string): string => {
      const full = path.join(templatesDir, file);
      try {
        return fs.readFileSync(full, 'utf8');
      } catch (err) {
        throw new Error(`Email template missing or unreadable: ${full} (${(err as Error).message})`);
      }
    };
    // Parsing here makes a broken template fail at start-up rather than at the first send
    // (Handlebars otherwise defers all work to the first call).
    const parse = (hbs: typeof Handlebars, file: string) => {
      try {
        return hbs.parse(read(file));
      } catch (err) {
        throw new Error(`Email template ${file} does not parse: ${(err as Error).message}`);
      }
    };
    const compileHtml = (file: string) => this.htmlHbs.compile(parse(this.htmlHbs, file), HTML_OPTIONS);
    const compileText = (file: string) => this.textHbs.compile(parse(this.textHbs, file), TEXT_OPTIONS);

    this.registerHelpers();
    for (const name of ['footer', 'appendix']) {
      this.htmlHbs.registerPartial(name, compileHtml(path.join('partials', `${name}.html.hbs`)));
      this.textHbs.registerPartial(name, compileText(path.join('partials', `${name}.txt.hbs`)));
    }
    this.layouts = {
      html: compileHtml(path.join('layouts', 'email.html.hbs')),
      text: compileText(path.join('layouts', 'email.txt.hbs')),
    };
    const file = (name: string, part: Part | 'subject') => `${name}.${part}.hbs`;
    this.messages = Object.fromEntries(
      EMAIL_TEMPLATE_NAMES.map((name) => [
        name,
        {
          subject: compileText(file(name, 'subject')),
          html: compileHtml(file(name, 'html')),
          text: compileText(file(name, 'txt')),
        },
      ]),
    ) as Record<EmailTemplateName, MessageTemplates>;
  }

  /**
   * Renders one email. `options.appendix` (the tenancy's invite message appendix) applies to `invite`
   * only and always ends up as the last block of both parts; null/blank means nothing is appended.
   */
  render<T extends EmailTemplateName>(message: T, vars: EmailVars<T>, options: RenderOptions = {}): RenderedEmail {
    const templates = this.messages[message];
    if (templates === undefined) throw new Error(`Unknown email template: ${String(message)}`);
    const context = (CONTEXT[message] as (v: EmailVars<T>) => Record<string, unknown>)(vars);
    const appendix = message === 'invite' ? normalizeAppendix(options.appendix) : null;

    const subject = sanitizeHeaderText(templates.subject(context));
    const html = this.layouts.html({ subject, body: templates.html(context), appendix });
    const text = this.layouts.text({ subject, body: templates.text(context).trim(), appendix });
    return { subject, html, text: `${text.trim()}\n` };
  }

  /** Same as render(), taking the `{ template, vars }` union (e.g. a queued job's payload). */
  renderEmail(email: EmailTemplate, options?: RenderOptions): RenderedEmail {
    switch (email.template) {
      case 'invite':
        return this.render('invite', email.vars, options);
      case 'member-added':
        return this.render('member-added', email.vars, options);
      case 'signup-confirm':
        return this.render('signup-confirm', email.vars, options);
    }
  }

  private registerHelpers(): void {
    for (const hbs of [this.htmlHbs, this.textHbs]) {
      hbs.registerHelper('dateInWords', (value: string | Date) => formatDateInWords(value));
      hbs.registerHelper('dateTimeInWords', (value: string | Date) => formatDateTimeInWords(value));
      hbs.registerHelper('userTypeInWords', (value: UserType) => formatUserType(value));
      hbs.registerHelper('userTypeWithArticle', (value: UserType) => formatUserTypeWithArticle(value));
    }
    this.htmlHbs.registerHelper('appendixHtml', (value: string) => appendixToHtml(value));
  }
}

/**
 * What each template sees: exactly the documented vars (anything else a caller passes is dropped),
 * names on one line, links checked to be http(s).
 */
const CONTEXT: { [T in EmailTemplateName]: (vars: EmailVars<T>) => Record<string, unknown> } = {
  invite: (v) => ({
    hubName: sanitizeHeaderText(v.hubName),
    inviterName: sanitizeHeaderText(v.inviterName),
    inviteeEmail: sanitizeHeaderText(v.inviteeEmail),
    acceptUrl: httpUrl(v.acceptUrl, 'acceptUrl'),
    expiresAt: v.expiresAt,
    userType: v.userType,
  }),
  'member-added': (v) => ({
    hubName: sanitizeHeaderText(v.hubName),
    memberEmail: sanitizeHeaderText(v.memberEmail),
    userType: v.userType,
    signInUrl: httpUrl(v.signInUrl, 'signInUrl'),
    addedByName: sanitizeHeaderText(v.addedByName),
  }),
  'signup-confirm': (v) => ({
    hubName: sanitizeHeaderText(v.hubName),
    displayName: sanitizeHeaderText(v.displayName),
    signupEmail: sanitizeHeaderText(v.signupEmail),
    confirmUrl: httpUrl(v.confirmUrl, 'confirmUrl'),
    expiresAt: v.expiresAt,
    userType: v.userType,
  }),
};

/** Links in emails are ours and absolute; anything else (javascript:, relative) is a bug upstream. */
function httpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${field} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${field} must be an http(s) URL`);
  return value;
}
