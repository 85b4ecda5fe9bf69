/**
 * The page's Content-Security-Policy: nothing may load from anywhere, and only our own inline script and stylesheet
 * may run, each allowed by its sha256. So even if escaping failed somewhere, an injected <script>, event handler,
 * <style>, image or form would be refused, and the report could not call out of the reader's machine. Trusted Types
 * make `innerHTML`-style sinks throw, a second lock on the client script.
 */
import { createHash } from 'node:crypto';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}
