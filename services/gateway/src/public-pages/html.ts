import type { Response } from 'express';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. Every dynamic value goes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** Trusted markup, built only by the tagged template below (its values are escaped). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Value = Html | string | number | null | undefined | Html[];

function render(value: Value): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Html) return value.markup;
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: strings and numbers are escaped; nested html`` fragments are kept as they are. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
}

/**
 * The web app's look (Mantine's default theme with `primaryColor: 'indigo'`, `defaultRadius: 'md'`, the
 * system font), so that moving from a public page into the app does not feel like another site.
 */
const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
         font-size: 1rem; line-height: 1.55; background: #f8f9fa; color: #212529; margin: 0; }
  .brand { max-width: 30rem; margin: 2.5rem auto 0; padding: 0 1rem; font-weight: 700; font-size: 1.1rem; color: #4263eb; }
  main { max-width: 30rem; margin: .75rem auto 3rem; background: #fff; padding: 2rem; border-radius: 8px;
         border: 1px solid #dee2e6; box-shadow: 0 1px 3px rgba(0,0,0,.05), 0 1px 2px rgba(0,0,0,.1); }
  h1 { font-size: 1.5rem; line-height: 1.3; margin-top: 0; }
  a { color: #4263eb; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 500; font-size: .875rem; }
  input { width: 100%; box-sizing: border-box; padding: .5rem .75rem; font: inherit; border: 1px solid #ced4da;
          border-radius: 8px; }
  input:focus { outline: none; border-color: #4c6ef5; }
  input[readonly] { background: #f1f3f5; color: #495057; }
  button { margin-top: 1.5rem; width: 100%; padding: .6rem; font: inherit; font-weight: 600; color: #fff;
           background: #3b5bdb; border: 0; border-radius: 8px; cursor: pointer; }
  button:hover { background: #364fc7; }
  .alert { background: #fff5f5; border: 1px solid #ffa8a8; color: #c92a2a; padding: .75rem; border-radius: 8px; }
  .note { color: #495057; font-size: .875rem; }
`;

/** A whole page: a small self-contained document (no scripts, no external resources). */
export function page(title: string, body: Html): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · Gatehouse</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <div class="brand">Gatehouse</div>
        <main>${body}</main>
      </body>
    </html> `.markup;
}

/**
 * Sends a public page. The URL carries a secret (the invite token), so: no referrer leaves the page, no
 * cache keeps it, no other site frames it, and the page may run no script at all.
 */
export function sendPage(response: Response, status: number, document: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    })
    .send(document);
}
