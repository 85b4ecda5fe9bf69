/**
 * IAM returns policy documents URL-encoded (RFC 3986) JSON strings; the model stores them parsed. A document that is
 * raw JSON (some emulators) is accepted as well. One that is neither stays a string, so a rule reading it sees an
 * invalid policy and answers `unknown` rather than guessing.
 */
export function decodePolicyDocument(document: string | undefined): unknown {
  if (document === undefined) return undefined;
  for (const text of [decoded(document), document]) {
    if (text === undefined) continue;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // try the next form
    }
  }
  return document;
}

function decoded(document: string): string | undefined {
  try {
    return decodeURIComponent(document);
  } catch {
    return undefined;
  }
}
