import { cleanText } from './text.js';

// Characters XML 1.0 does not allow at all (cleanText already removes most; this is the last line of defence).
const ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text content: untrusted text cleaned, then escaped. */
export function xmlText(value: string): string {
  return cleanText(value)
    .replace(ILLEGAL_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An attribute value (double-quoted); line breaks and tabs are kept as character references. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
